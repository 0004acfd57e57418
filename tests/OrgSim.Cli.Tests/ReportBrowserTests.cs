using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit.Abstractions;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Opens the <c>report.html</c> that <c>orgsim run</c> writes in a real headless browser (Debian's
/// <c>chromium</c>, driven through <c>chromium-driver</c> with Selenium): no console errors, the
/// org-chart animation plays and pauses, the arm can be switched, names from an HR export are shown
/// as text and never run, and a screenshot is saved. The page's timers run on a clock the test
/// moves (<see cref="PageClock"/>), so the animation is stepped, never waited for.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string ChromeDriverPath = "/usr/bin/chromedriver";

    /// <summary>An employee id and a team name that are markup: the report must show them as text and run nothing.</summary>
    private const string ScriptName = "<script>alert(1)</script>";
    private const string ImageTeam = "<img src=x onerror=alert(2)>";

    /// <summary>How long Chromium may take to start: a bound against a hang, not a measurement.</summary>
    private static readonly TimeSpan DriverStartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Replaces the page's timer functions, before any of its scripts run, with a clock that moves
    /// only when the test calls <c>__orgsimClock.tick(ms)</c>; due callbacks run inside that call, in
    /// order. The report animates with <c>setInterval</c>; the other timers are faked too, so that an
    /// animation moved to <c>setTimeout</c> is still stepped rather than left waiting on real time.
    /// </summary>
    private const string PageClock = """
        (function () {
          var now = 0, nextId = 1, timers = new Map();
          function add(callback, ms, args, repeat) {
            var delay = Math.max(0, Number(ms) || 0);
            timers.set(nextId, { callback: callback, at: now + delay, every: repeat ? Math.max(1, delay) : 0, args: args });
            return nextId++;
          }
          window.setTimeout = function (callback, ms) { return add(callback, ms, Array.prototype.slice.call(arguments, 2), false); };
          window.setInterval = function (callback, ms) { return add(callback, ms, Array.prototype.slice.call(arguments, 2), true); };
          window.clearTimeout = window.clearInterval = function (id) { timers.delete(id); };
          window.__orgsimClock = {
            tick: function (ms) {
              var end = now + ms;
              for (;;) {
                var id = null, due = null;
                timers.forEach(function (t, key) { if (t.at <= end && (due === null || t.at < due.at)) { due = t; id = key; } });
                if (due === null) { break; }
                now = due.at;
                if (due.every > 0) { due.at += due.every; } else { timers.delete(id); }
                due.callback.apply(window, due.args);
              }
              now = end;
            },
            pending: function () { return timers.size; }
          };
        }());
        """;

    /// <summary>The animation's step, as in <c>ReportAssets.Script</c>; ticking by it moves one week.</summary>
    private const int AnimationStepMs = 150;

    private const string Scenario = """
        name: browser
        description: A small imported organisation whose names are markup.
        seed: 7
        horizon_weeks: 20
        replicates: 2
        organisation: {generator: hr-export, file: hr.csv}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 3}
          - name: bottom-up
            seeding: {strategy: bottom-up-scattered, budget: 3}
        """;

    /// <summary>
    /// Without Chromium on the machine this test passes after saying so in its output, so that a
    /// developer without a browser can still run <c>dotnet test OrgSim.sln</c> (xunit 2 has no
    /// dynamic skip). With <c>ORGSIM_REQUIRE_BROWSER=1</c>, as <c>.ci/run</c> sets it, a missing
    /// browser is a failure.
    /// </summary>
    [Fact]
    public void Report_OpensInHeadlessChromiumPlaysTheSpreadAndEscapesHrNames()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromeDriverPath))
        {
            string message = $"{ChromiumPath} or {ChromeDriverPath} is missing; install the Debian packages chromium and chromium-driver (apt-get install chromium chromium-driver) to run the browser test";
            Assert.False(Environment.GetEnvironmentVariable("ORGSIM_REQUIRE_BROWSER") == "1", message);
            output.WriteLine("Not run: " + message);
            return;
        }

        string report = WriteReport();
        string html = File.ReadAllText(report);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);

        using ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        service.InitializationTimeout = DriverStartTimeout;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);

        ChromeDriver? driver = null;
        try
        {
            driver = new ChromeDriver(service, options, DriverStartTimeout);
            driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = PageClock });
            var console = new BrowserConsole(driver);
            driver.Navigate().GoToUrl(new Uri(report).AbsoluteUri);
            AssertNoAlert(driver);
            console.AssertNoErrors("after opening the report");

            // Names from the HR export are text: the export's team names label the teams (wheels, tooltips).
            ChromeDriver js = driver;
            Assert.Equal(true, js.ExecuteScript("return typeof window.__orgsimClock === 'object';"));
            Assert.Equal(0L, js.ExecuteScript("return document.querySelectorAll('[onerror]').length;"));
            Assert.Equal(0L, js.ExecuteScript("return Array.from(document.scripts).filter(s => s.textContent.trim().startsWith('alert(')).length;"));
            Assert.Contains(ImageTeam, (string?)js.ExecuteScript("return document.body.textContent;") ?? "", StringComparison.Ordinal);

            // Play advances the week; pause stops it; playing on recolours the teams.
            IWebElement week = driver.FindElement(By.Id("week"));
            IWebElement weekLabel = driver.FindElement(By.Id("week-label"));
            IWebElement play = driver.FindElement(By.Id("play"));
            int lastWeek = int.Parse(week.GetDomAttribute("max") ?? "0", CultureInfo.InvariantCulture);
            Assert.Equal(0, WeekOf(week));
            string label0 = weekLabel.Text;
            string fills0 = TeamFills(js);
            Assert.False(string.IsNullOrEmpty(fills0), "the org chart has no rectangles with data-cell");

            // The teams' names are on the chart, not only in tooltips: visible text inside the live chart.
            string names = (string?)js.ExecuteScript("return Array.from(document.querySelectorAll('#spread-chart text.unit')).filter(t => t.getBBox().width > 0).map(t => t.textContent).join('|');") ?? "";
            Assert.Contains("Operations", names, StringComparison.Ordinal);
            Assert.Contains("Level 1", (string?)js.ExecuteScript("return Array.from(document.querySelectorAll('#spread-chart text.level')).map(t => t.textContent).join('|');") ?? "", StringComparison.Ordinal);

            play.Click();
            Tick(js, 2 * AnimationStepMs);
            Assert.True(
                WeekOf(week) == 2 && weekLabel.Text != label0,
                $"two animation steps after pressing play, #week is {WeekOf(week)}, label '{weekLabel.Text}'; expected week 2");
            play.Click();
            Tick(js, 10 * AnimationStepMs);
            Assert.True(WeekOf(week) == 2, $"#week went on from 2 to {WeekOf(week)} after pressing pause");

            play.Click();
            Tick(js, lastWeek * AnimationStepMs);
            Assert.True(WeekOf(week) == lastWeek, $"playing for {lastWeek} steps stopped at week {WeekOf(week)} of {lastWeek}");
            Assert.True(TeamFills(js) != fills0, $"playing to week {lastWeek} changed the fill of no team's rectangle");
            Assert.Equal(0L, js.ExecuteScript("return window.__orgsimClock.pending();")); // It stopped by itself at the horizon.

            console.AssertNoErrors("after playing and pausing");

            // The other arm.
            IWebElement arm = driver.FindElement(By.Id("arm"));
            ReadOnlyCollection<IWebElement> arms = arm.FindElements(By.TagName("option"));
            Assert.True(arms.Count >= 2, "the #arm select should list both arms");
            arms[1].Click();
            Assert.Equal(arms[1].GetDomProperty("value"), arm.GetDomProperty("value"));
            AssertNoAlert(driver);
            console.AssertNoErrors("after switching the arm");

            // The screenshot shows the animated org chart: the second arm at its last week.
            AtWeek(js, week, lastWeek);
            console.AssertNoErrors("after moving the week slider");
            js.ExecuteScript("const w = document.getElementById('week'); (w.closest('section') || w).scrollIntoView();");

            string screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "report.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            driver.GetScreenshot().SaveAsFile(screenshot);
            output.WriteLine("Screenshot: " + screenshot);
            if (Environment.GetEnvironmentVariable("ORGSIM_UPDATE_DOC_IMAGES") == "1")
            {
                string docImage = Path.Combine(CliHarness.RepoRoot, "docs", "images", "report.png");
                Directory.CreateDirectory(Path.GetDirectoryName(docImage)!);
                File.Copy(screenshot, docImage, overwrite: true);
                output.WriteLine("Updated " + docImage);
            }
        }
        catch (UnhandledAlertException e)
        {
            Assert.Fail("the report opened an alert, so a name from the HR export ran as script: " + e.Message);
        }
        finally
        {
            driver?.Quit();
        }
    }

    /// <summary>A sweep's report: choosing a sweep point shows that point's charts and hides the others.</summary>
    [Fact]
    public void Report_OfASweep_SwitchesTheChartsToTheChosenPoint()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromeDriverPath))
        {
            string message = $"{ChromiumPath} or {ChromeDriverPath} is missing; install the Debian packages chromium and chromium-driver to run the browser test";
            Assert.False(Environment.GetEnvironmentVariable("ORGSIM_REQUIRE_BROWSER") == "1", message);
            output.WriteLine("Not run: " + message);
            return;
        }

        string dir = CliHarness.TempDirectory();
        string scenario = Path.Combine(dir, "sweep.yaml");
        File.WriteAllText(scenario, """
            name: sweep
            seed: 3
            horizon_weeks: 6
            replicates: 1
            organisation: {agents: 40}
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 3}
            sweep:
              grid:
                model.transmission: [0.02, 0.5]
            """);
        string outDir = Path.Combine(dir, "out");
        var (code, _, stderr) = CliHarness.Run("run", scenario, "--out", outDir);
        Assert.True(code == 0, stderr);

        using ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        service.InitializationTimeout = DriverStartTimeout;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        ChromeDriver? driver = null;
        try
        {
            driver = new ChromeDriver(service, options, DriverStartTimeout);
            var console = new BrowserConsole(driver);
            driver.Navigate().GoToUrl(new Uri(Path.Combine(outDir, "report.html")).AbsoluteUri);
            ChromeDriver js = driver;
            const string Visible = "return Array.from(document.querySelectorAll('.point-charts')).filter(b => b.offsetParent !== null).map(b => b.getAttribute('data-point')).join(',');";
            const string Subtitles = "return Array.from(document.querySelectorAll('.point-charts')).filter(b => b.offsetParent !== null).map(b => b.textContent).join(' ');";
            Assert.Equal("0", js.ExecuteScript(Visible));
            Assert.Contains("sweep point 1 of 2", (string?)js.ExecuteScript(Subtitles) ?? "", StringComparison.Ordinal);

            IWebElement point = driver.FindElement(By.Id("point"));
            ReadOnlyCollection<IWebElement> points = point.FindElements(By.TagName("option"));
            Assert.Equal(2, points.Count);
            points[1].Click();
            Assert.Equal("1", js.ExecuteScript(Visible));
            string shown = (string?)js.ExecuteScript(Subtitles) ?? "";
            Assert.Contains("sweep point 2 of 2", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("sweep point 1 of 2", shown, StringComparison.Ordinal);
            console.AssertNoErrors("after choosing a sweep point");
        }
        finally
        {
            driver?.Quit();
        }
    }

    /// <summary>Writes the HR export and the scenario to a temporary folder, runs them and returns the report's path.</summary>
    private static string WriteReport()
    {
        string dir = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "hr.csv"), HrExport());
        string scenario = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(scenario, Scenario);
        string outDir = Path.Combine(dir, "out");
        var (code, _, stderr) = CliHarness.Run("run", scenario, "--out", outDir);
        Assert.True(code == 0, stderr);
        string report = Path.Combine(outDir, "report.html");
        Assert.True(File.Exists(report), "orgsim run wrote no report.html");
        return report;
    }

    /// <summary>30 employees: a chief, three managers (one of them named <see cref="ScriptName"/>) and their teams (one named <see cref="ImageTeam"/>).</summary>
    private static string HrExport()
    {
        var csv = new StringBuilder("employee_id,manager_id,team,function,site,role\n");
        csv.Append("E001,,Board,Executive Office,London,executive\n");
        (string Manager, string Team, int Reports)[] teams =
        [
            (ScriptName, ImageTeam, 8),
            ("M002", "\"Sales, North & South\"", 9),
            ("M003", "Operations", 9),
        ];
        foreach (var (manager, _, _) in teams)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{manager},E001,Leadership,Management,London,manager\n");
        }

        int next = 1;
        foreach (var (manager, team, reports) in teams)
        {
            for (int i = 0; i < reports; i++, next++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"F{next:000},{manager},{team},Delivery,Leeds,front_line\n");
            }
        }

        return csv.ToString();
    }

    private static int WeekOf(IWebElement week) => int.Parse(week.GetDomProperty("value") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Each org-chart rectangle's cell and computed fill, in document order.</summary>
    private static string TeamFills(ChromeDriver js) => (string?)js.ExecuteScript(
        "return Array.from(document.querySelectorAll('#spread-chart [data-cell]')).map(c => c.getAttribute('data-cell') + '=' + getComputedStyle(c.querySelector('rect')).fill).join(';');") ?? "";

    /// <summary>Moves the week slider to <paramref name="target"/> as a user would.</summary>
    private static void AtWeek(ChromeDriver js, IWebElement week, int target)
    {
        js.ExecuteScript(
            "const w = arguments[0]; w.value = arguments[1]; w.dispatchEvent(new Event('input', {bubbles: true})); w.dispatchEvent(new Event('change', {bubbles: true}));",
            week, target);
        Assert.Equal(target, WeekOf(week));
    }

    private static void AssertNoAlert(ChromeDriver driver)
    {
        try
        {
            string? text = driver.SwitchTo().Alert().Text;
            Assert.Fail($"the report opened an alert '{text}', so a name from the HR export ran as script");
        }
        catch (NoAlertPresentException)
        {
            // As it should be.
        }
    }

    /// <summary>Moves the page's clock on by <paramref name="ms"/>, running the timers that fall due (see <see cref="PageClock"/>).</summary>
    private static void Tick(ChromeDriver js, int ms) => js.ExecuteScript("window.__orgsimClock.tick(arguments[0]);", ms);

    /// <summary>The browser's console; reading it empties Chromium's buffer, so every entry read is kept.</summary>
    private sealed class BrowserConsole(ChromeDriver driver)
    {
        private readonly List<LogEntry> entries = [];

        public void AssertNoErrors(string when)
        {
            entries.AddRange(driver.Manage().Logs.GetLog(LogType.Browser));
            var errors = entries.Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();
            Assert.True(errors.Count == 0, $"console errors {when}:\n" + string.Join('\n', errors));
        }
    }
}
