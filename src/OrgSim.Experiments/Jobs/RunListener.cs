namespace OrgSim.Experiments.Jobs;

/// <summary>
/// What <see cref="RunJob"/> tells the user while it works. The command line prints and draws a
/// progress bar; tests record. Every member does nothing unless overridden.
/// </summary>
public class RunListener
{
    /// <summary>A line for standard output (what is about to run).</summary>
    public virtual void Say(string line)
    {
    }

    /// <summary>A line for standard error that does not stop the job (an import's warning, a report that could not be drawn).</summary>
    public virtual void Note(string line)
    {
    }

    /// <summary>The runs start: <paramref name="alreadyDone"/> of <paramref name="total"/> are done (a resume).</summary>
    public virtual void ProgressStarted(long total, long alreadyDone)
    {
    }

    /// <summary>One more run finished; called from any worker thread.</summary>
    public virtual void RunCompleted()
    {
    }

    /// <summary>The runs are over, finished or not.</summary>
    public virtual void ProgressEnded()
    {
    }
}
