using System.Globalization;
using System.Text;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Tests.Scenarios;

namespace OrgSim.Experiments.Tests.Import;

/// <summary>
/// An HR export or edge list that is not a regular UTF-8 file of a sensible size — a folder, a
/// device such as /dev/zero, a named pipe, more than 1 GiB, Windows-1252 text — is refused with
/// the file, the row where there is one, and what to do; nothing is built.
/// </summary>
public class ImportFileCheckTests
{
    private const string Arm = "arms: [{name: a, seeding: {strategy: top-down, budget: 2}}]\n";

    /// <summary>Both importers, reading the file at a path.</summary>
    public static TheoryData<string> Generators => new() { "hr-export", "edge-list" };

    private static ImportException ImportFails(string generator, string path) => Assert.Throws<ImportException>(() =>
        generator == "hr-export" ? HrExportImporter.Import(path, new HrImportOptions(), 1) : EdgeListImporter.Import(path));

    private static ScenarioError LoadFails(string folder, string generator, string file)
    {
        string scenario = Path.Combine(folder, "s.yaml");
        File.WriteAllText(scenario, $"organisation: {{generator: {generator}, file: {file}}}\n{Arm}");
        return Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario)).Errors);
    }

    /// <summary>A sparse file of <paramref name="bytes"/> bytes: no disk is used, and nothing should read it.</summary>
    private static string Sparse(string folder, string name, long bytes)
    {
        string path = Path.Combine(folder, name);
        using var stream = new FileStream(path, FileMode.CreateNew);
        stream.SetLength(bytes);
        return path;
    }

    /// <summary>An HR export as Excel's plain "CSV (Comma delimited)" saves it: Windows-1252, é and è one byte each.</summary>
    private static byte[] Windows1252Export() =>
    [
        .. Encoding.ASCII.GetBytes("employee_id,manager_id,team\nE1,,Board\nE2,E1,Caf"), 0xE9,
        .. Encoding.ASCII.GetBytes("\nE3,E1,Caf"), 0xE8, .. Encoding.ASCII.GetBytes("\n"),
    ];

    [Theory]
    [MemberData(nameof(Generators))]
    public void AFolderIsRefusedAsAFolder(string generator)
    {
        // The scenario used to say "is not found".
        string folder = TestPaths.TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        ScenarioError error = LoadFails(folder, generator, "data");
        Assert.Equal($"{Path.Combine(folder, "s.yaml")}:1:44: organisation.file 'data' is a folder; name the CSV file in it", error.ToString());
        Assert.Equal($"{Path.Combine(folder, "data")}: is a folder; name the CSV file in it", Assert.Single(ImportFails(generator, Path.Combine(folder, "data")).Problems).ToString());
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void ALinkToDevZeroIsRefusedWithoutReadingIt(string generator)
    {
        // file: /dev/zero grew past 13.7 GB.
        string folder = TestPaths.TempDirectory();
        if (ScenarioFileCheckTests.LinkToDevZero(folder, "zero.csv") is not { } path)
        {
            Console.WriteLine("No /dev/zero here; the check of a device is not tested.");
            return;
        }

        Assert.Equal(
            $"{Path.Combine(folder, "s.yaml")}:1:44: organisation.file 'zero.csv' is a character device, not a regular file; name a CSV file",
            LoadFails(folder, generator, "zero.csv").ToString());
        Assert.Equal($"{path}: is a character device, not a regular file; name a CSV file", Assert.Single(ImportFails(generator, path).Problems).ToString());
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void ANamedPipeIsRefusedWithoutOpeningIt(string generator)
    {
        string folder = TestPaths.TempDirectory();
        if (ScenarioFileCheckTests.Fifo(folder, "pipe.csv") is not { } path)
        {
            Console.WriteLine("No mkfifo here; the check of a named pipe is not tested.");
            return;
        }

        Assert.Equal(
            $"{Path.Combine(folder, "s.yaml")}:1:44: organisation.file 'pipe.csv' is a named pipe (FIFO), not a regular file; name a CSV file",
            LoadFails(folder, generator, "pipe.csv").ToString());
        Assert.Equal($"{path}: is a named pipe (FIFO), not a regular file; name a CSV file", Assert.Single(ImportFails(generator, path).Problems).ToString());
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void AFileLargerThanOneGibibyteIsRefusedBeforeItIsRead(string generator)
    {
        string folder = TestPaths.TempDirectory();
        string path = Sparse(folder, "big.csv", (1L << 30) + 1);
        const string Problem = "is 1.0 GiB (1,073,741,825 bytes); an HR export or edge list may be at most 1 GiB, so check that this is the file you meant";
        Assert.Equal($"{Path.Combine(folder, "s.yaml")}:1:44: organisation.file 'big.csv' {Problem}", LoadFails(folder, generator, "big.csv").ToString());
        Assert.Equal($"{path}: {Problem}", Assert.Single(ImportFails(generator, path).Problems).ToString());
    }

    [Fact]
    public void AWindows1252ExportIsRefusedAtTheFirstRowThatIsNotUtf8()
    {
        // "Café" and "Cafè" were both read as "Caf�", which merged the two teams.
        string folder = TestPaths.TempDirectory();
        string path = Path.Combine(folder, "hr.csv");
        File.WriteAllBytes(path, Windows1252Export());
        const string Problem = "the row is not UTF-8 text (byte 0xE9 after \"E2,E1,Caf\"); save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" rather than \"CSV (Comma delimited)\"";

        Assert.Equal($"{path}:3: {Problem}", Assert.Single(ImportFails("hr-export", path).Problems).ToString());
        Assert.Equal($"{Path.Combine(folder, "hr.csv")}:3: {Problem}", LoadFails(folder, "hr-export", "hr.csv").ToString());
    }

    [Fact]
    public void AnEdgeListThatIsNotUtf8IsRefusedAtItsRow()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "edges.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("source,target\nA,B\nB,Jos"), 0xE9, .. Encoding.ASCII.GetBytes("\n")]);
        Assert.Equal(
            $"{path}:3: the row is not UTF-8 text (byte 0xE9 after \"B,Jos\"); save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" rather than \"CSV (Comma delimited)\"",
            Assert.Single(ImportFails("edge-list", path).Problems).ToString());
    }

    [Fact]
    public void AnInvalidByteFarIntoTheFileIsFoundAtItsRow()
    {
        // Past the first read buffers, and a character cut across them does not count as invalid.
        var text = new StringBuilder("employee_id,manager_id,team\nE0,,Board\n");
        for (int i = 1; i < 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"E{i},E0,Équipe {i % 7}\n");
        }

        string path = Path.Combine(TestPaths.TempDirectory(), "long.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(text.ToString()), .. Encoding.ASCII.GetBytes("X,E0,Caf"), 0xE9, (byte)'\n']);
        ImportProblem problem = Assert.Single(ImportFails("hr-export", path).Problems);
        Assert.Equal(20_002, problem.Row);
        Assert.Contains("(byte 0xE9 after \"X,E0,Caf\")", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUtf8ExportWithAByteOrderMarkIsRead()
    {
        // What Excel's "CSV UTF-8 (Comma delimited)" saves.
        string path = Path.Combine(TestPaths.TempDirectory(), "hr.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("employee_id,manager_id,team\nE1,,Board\nE2,E1,Café\nE3,E1,Cafè\n")]);
        ImportResult result = HrExportImporter.Import(path, new HrImportOptions(), 1);
        Assert.Equal(["Board", "Café", "Cafè"], result.TeamNames);
    }

    [Fact]
    public void AUtf16ExportWithAByteOrderMarkIsReadAsUtf16()
    {
        // Not UTF-8, but its byte order mark says what it is: the check leaves it to the UTF-16 decoder.
        string path = Path.Combine(TestPaths.TempDirectory(), "hr.csv");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("employee_id,manager_id,team\nE1,,Board\nE2,E1,Café\nE3,E1,Cafè\n")]);
        Assert.Equal(["Board", "Café", "Cafè"], HrExportImporter.Import(path, new HrImportOptions(), 1).TeamNames);
    }
}
