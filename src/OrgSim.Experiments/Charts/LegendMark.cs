namespace OrgSim.Experiments.Charts;

/// <summary>How a legend entry shows its series.</summary>
internal enum LegendMark
{
    /// <summary>A solid line.</summary>
    Line,

    /// <summary>A dashed line.</summary>
    Dashed,

    /// <summary>A filled square, for bars and areas.</summary>
    Swatch,

    /// <summary>A line over a translucent band.</summary>
    Band,
}
