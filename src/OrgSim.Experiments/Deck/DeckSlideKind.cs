namespace OrgSim.Experiments.Deck;

/// <summary>The layouts of a workshop deck's slides.</summary>
public enum DeckSlideKind
{
    /// <summary>A large title and, under it, the question.</summary>
    Cover,

    /// <summary>A title and a few large sentences.</summary>
    Message,

    /// <summary>A title and one picture filling the rest of the slide.</summary>
    Picture,

    /// <summary>A title and several pictures in a grid of three columns.</summary>
    Gallery,

    /// <summary>A title and lines of smaller text (the method and the numbers).</summary>
    Notes,
}
