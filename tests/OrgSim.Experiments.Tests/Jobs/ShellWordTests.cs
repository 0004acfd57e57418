using OrgSim.Experiments.Jobs;

namespace OrgSim.Experiments.Tests.Jobs;

public class ShellWordTests
{
    [Theory]
    [InlineData("results/quickstart-2", "results/quickstart-2")]
    [InlineData("/tmp/a_b.c", "/tmp/a_b.c")]
    [InlineData("-weird", "./-weird")]
    [InlineData("my results", "\"my results\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\"b$c`d", "\"a\\\"b\\$c\\`d\"")]
    [InlineData("", "\"\"")]
    public void Quote_LeavesPlainWordsAlone_AndQuotesTheRestSoAShellReadsOneWord(string word, string expected) =>
        Assert.Equal(expected, ShellWord.Quote(word));
}
