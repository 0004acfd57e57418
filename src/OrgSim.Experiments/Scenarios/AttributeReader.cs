using System.Security.Cryptography;
using OrgSim.Core.Model;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Checks at load time the per-agent values that the arms' models read from a file
/// (<c>model.adoption.threshold.distribution: column</c>): which file, that the columns exist, and
/// every value row by row, so that a mistake is one line naming the file and row before anything
/// runs. Whether every agent has a row is known only once the organisation is built: the
/// preflight checks that (<see cref="Running.Preflight"/>).
/// </summary>
internal static class AttributeReader
{
    private const string ColumnKey = "model.adoption.threshold.column";

    /// <summary>The models of <paramref name="spec"/>'s arms that read thresholds from a column, each with the key path that names its column.</summary>
    public static IEnumerable<(ModelParameters Model, string Path)> ColumnUsers(ScenarioSpec spec) =>
        spec.Arms.Select((a, i) => (a.Model, Path: a.Model.Threshold.Column == spec.Model.Threshold.Column && spec.Model.Threshold.Kind == ThresholdKind.Column ? ColumnKey : $"arms[{i}].{ColumnKey}"))
            .Where(u => u.Model.Adoption is AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold && u.Model.Threshold.Kind == ThresholdKind.Column);

    /// <summary>The organisation of <paramref name="spec"/> with its attribute file resolved and hashed; problems go to <paramref name="context"/>.</summary>
    public static OrganisationSpec Check(ParseContext context, ScenarioSpec spec)
    {
        OrganisationSpec o = spec.Organisation;
        var users = ColumnUsers(spec).ToList();
        if (users.Count == 0)
        {
            if (o.AttributesFile.Length > 0)
            {
                context.Error(context.Locate("organisation.attributes"), "organisation.attributes is read only for model.adoption.threshold.distribution: column with a threshold rule; use it, or remove organisation.attributes");
            }

            return o;
        }

        bool named = true;
        foreach ((ModelParameters model, string path) in users.Where(u => u.Model.Threshold.Column.Length == 0).DistinctBy(u => u.Path))
        {
            context.Error(context.Locate(path), $"{path} is missing; distribution column reads each agent's threshold from a column of a file: name it, e.g. 'column: threshold'");
            named = false;
        }

        if (o.AttributesFile.Length > 0)
        {
            string path = Path.GetFullPath(Path.Combine(context.DataFolder, o.AttributesFile));
            switch (ImportCsv.FileProblem(path))
            {
                case (InputFile.Trouble.Missing, _):
                    context.Error(context.Locate("organisation.attributes"), $"organisation.attributes '{o.AttributesFile}' is not found (looked for {path}); {context.DataFolderHint}");
                    return o;
                case (_, { } problem):
                    context.Error(context.Locate("organisation.attributes"), $"organisation.attributes '{o.AttributesFile}' {problem}");
                    return o;
            }

            using FileStream bytes = File.OpenRead(path);
            o = o with { AttributesPath = path, AttributesSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        }
        else if (o.Kind != NetworkKind.HrExport)
        {
            context.Error(
                context.Locate(users[0].Path.Replace(".column", ".distribution", StringComparison.Ordinal)),
                $"model.adoption.threshold.distribution column needs a file of agent values: add organisation.attributes: FILE.csv (a column of agent ids, then a column per attribute; generator {ScenarioNames.Name(o.Kind)} numbers its agents 0 … agents − 1)");
            return o;
        }

        if (!named || AgentAttributes.SourceOf(o) is not { } source || source.Path.Length == 0)
        {
            return o; // An HR export whose file was not found is reported already.
        }

        // One rule per column: the strictest of the rules that read it (a share if any arm reads it as one).
        AttributeRule[] rules = users.Select(u => AgentAttributes.ThresholdRule(u.Model.Threshold.Column, u.Model))
            .GroupBy(r => r.Column, StringComparer.Ordinal).Select(g => g.MinBy(r => r.Max)!).ToArray();
        string shown = Path.Combine(context.DataFolder, source.Shown);
        try
        {
            AgentAttributes.Read(source.Path, shown, source.IdColumn, rules);
        }
        catch (ImportException e)
        {
            context.Errors.AddRange(e.Problems.Where(p => p.IsError).Select(p => new ScenarioError(p.File, p.Row, 0, p.Message)));
        }

        return o;
    }
}
