using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Graph;

public class OverlayTests
{
    private static readonly OrgGraph Base = HierarchyGenerator.Generate(
        new HierarchyOptions { Agents = 2_000, Span = 6, Functions = 4, CrossTeamTiesPerAgent = 1 }, seed: 4);

    private static readonly OverlayOptions All = new()
    {
        MenteeShare = 0.3, PodMin = 3, PodMax = 5, LifeCoach = true, ExternalCoaches = 5, ClientsPerCoach = 8,
        CircleSize = 6, SkipLevelMeetings = true, DottedLineShare = 0.2,
    };

    private static readonly OrgGraph Overlaid = OverlayBuilder.Apply(Base, All, seed: 4);

    [Fact]
    public void Apply_KeepsEveryTieOfTheOrganisationAndAddsTheCoachesAfterIt()
    {
        Assert.Equal(Base.NodeCount + 6, Overlaid.NodeCount);
        for (int v = 0; v < Base.NodeCount; v++)
        {
            Assert.Subset(Overlaid.Neighbours(v).ToArray().ToHashSet(), Base.Neighbours(v).ToArray().ToHashSet());
            Assert.Equal(Base.Manager(v), Overlaid.Manager(v));
            Assert.Equal(Base.Function(v), Overlaid.Function(v));
        }

        Assert.All(Enumerable.Range(Base.NodeCount, 6), x => Assert.Equal(Role.External, Overlaid.Role(x)));
    }

    [Fact]
    public void Pods_AreWithinAFunctionWithThreeToFiveMenteesPerMentor()
    {
        int mentees = 0;
        for (int mentor = 0; mentor < Base.NodeCount; mentor++)
        {
            int[] own = MenteesOf(mentor);
            if (own.Length == 0)
            {
                continue;
            }

            Assert.InRange(own.Length, 1, 5);
            Assert.All(own, m => Assert.Equal(Overlaid.Function(mentor), Overlaid.Function(m)));
            mentees += own.Length;
        }

        // A mentee whose mentor is already a contact gets no second tie, so slightly fewer than 30%.
        int candidates = Enumerable.Range(0, Base.NodeCount).Count(v => Base.Role(v) is Role.Manager or Role.FrontLine);
        Assert.InRange(mentees, (int)(0.27 * candidates), (int)Math.Round(0.3 * candidates) + 4);
        Assert.All(Enumerable.Range(0, Base.NodeCount), v => Assert.True(Overlaid.EdgeTypesOf(v).Count(EdgeType.Mentor) <= 1));
    }

    [Fact]
    public void LifeCoach_CoachesEveryMentorAndSupportsThem()
    {
        int lifeCoach = Base.NodeCount;
        int[] mentors = Enumerable.Range(0, Base.NodeCount).Where(v => MenteesOf(v).Length > 0).ToArray();
        Assert.Equal(mentors.Length, Overlaid.Degree(lifeCoach));
        Assert.All(mentors, m => Assert.Contains(lifeCoach, Overlaid.Neighbours(m).ToArray()));

        // A mentee's supporter is its mentor.
        int mentor = mentors[0];
        Assert.All(MenteesOf(mentor), m => Assert.Equal(mentor, Overlaid.Supporter(m)));
    }

    [Fact]
    public void ExternalCoaches_EachHaveTheirClientsLeadersFirst()
    {
        for (int c = Base.NodeCount + 1; c < Overlaid.NodeCount; c++)
        {
            Assert.Equal(8, Overlaid.Degree(c));
            Assert.All(Overlaid.Neighbours(c).ToArray(), client => Assert.NotEqual(Role.FrontLine, Overlaid.Role(client)));
            Assert.All(Overlaid.EdgeTypesOf(c).ToArray(), t => Assert.Equal(EdgeType.Coachee, t));
        }
    }

    [Fact]
    public void QualityCircles_JoinMembersOfDifferentPods()
    {
        int circleTies = 0;
        for (int v = 0; v < Base.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = Overlaid.Neighbours(v);
            ReadOnlySpan<EdgeType> types = Overlaid.EdgeTypesOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (types[i] == EdgeType.CirclePeer)
                {
                    circleTies++;
                    Assert.NotEqual(PodOf(v), PodOf(contacts[i]));
                }
            }
        }

        Assert.True(circleTies > 0);
    }

    [Fact]
    public void SkipLevelAndDottedLines_GoToTheManagersManagerAndToAnotherFunction()
    {
        int dotted = 0;
        for (int v = 0; v < Base.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = Overlaid.Neighbours(v);
            ReadOnlySpan<EdgeType> types = Overlaid.EdgeTypesOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (types[i] == EdgeType.SkipManager)
                {
                    Assert.Equal(Base.Manager(Base.Manager(v)), contacts[i]);
                }

                if (types[i] == EdgeType.DottedManager)
                {
                    dotted++;
                    Assert.NotEqual(Base.Function(v), Base.Function(contacts[i]));
                    Assert.Equal(Base.Level(Base.Manager(v)), Base.Level(contacts[i]));
                }
            }
        }

        // 20% of about 1,990 non-executives: Binomial sd ≈ 18; allow 5 sd, and a few failed draws.
        int eligible = Enumerable.Range(0, Base.NodeCount).Count(v => Base.Role(v) != Role.Executive && Base.Manager(v) >= 0);
        Assert.InRange(dotted, (int)(0.2 * eligible) - 120, (int)(0.2 * eligible) + 90);
    }

    [Fact]
    public void Apply_WithNothingOn_ReturnsTheOrganisationItself()
    {
        Assert.Same(Base, OverlayBuilder.Apply(Base, new OverlayOptions(), seed: 1));
    }

    [Fact]
    public void Apply_RefusesAnyOverlayOnACompleteGraphBeforeCopyingItsEdges()
    {
        // Its rows are implicit: copying them into a builder stored all n(n − 1) edges (10,000 agents: 68 MB → 1 GB),
        // and the mentoring pods it was copied for are empty, since every mentor already meets every mentee.
        OrgGraph complete = ClassicNetworks.Complete(200);
        var error = Assert.Throws<ArgumentException>(() => OverlayBuilder.Apply(complete, new OverlayOptions { SkipLevelMeetings = true }, seed: 1));
        Assert.Equal("graph", error.ParamName);
        Assert.Same(complete, OverlayBuilder.Apply(complete, new OverlayOptions(), seed: 1));
    }

    [Fact]
    public void Apply_IsDeterministic()
    {
        OrgGraph again = OverlayBuilder.Apply(Base, All, seed: 4);
        Assert.Equal(Overlaid.EdgeCount, again.EdgeCount);
        Assert.All(Enumerable.Range(0, Overlaid.NodeCount), v => Assert.Equal(Overlaid.Neighbours(v).ToArray(), again.Neighbours(v).ToArray()));
    }

    [Fact]
    public void Seeding_MentorsAndCoachesChooseTheirProgrammesPeopleAndOthersNoCoach()
    {
        int[] mentors = SeedSelector.Select(Overlaid, SeedingStrategy.Mentors, 10, seed: 1);
        Assert.All(mentors, m => Assert.True(MenteesOf(m).Length > 0));
        int[] coaches = SeedSelector.Select(Overlaid, SeedingStrategy.Coaches, 6, seed: 1);
        Assert.Equal(Enumerable.Range(Base.NodeCount, 6), coaches);
        Assert.Equal(Base.NodeCount, SeedSelector.EligibleCount(Overlaid, SeedingStrategy.Random));
        Assert.DoesNotContain(SeedSelector.Select(Overlaid, SeedingStrategy.TopDown, 50, seed: 1), v => Overlaid.Role(v) == Role.External);
        int[] middle = SeedSelector.Select(Overlaid, SeedingStrategy.MiddleOut, 20, seed: 1);
        Assert.All(middle, v => Assert.Equal(Role.Manager, Overlaid.Role(v)));
        int[] connected = SeedSelector.Select(Overlaid, SeedingStrategy.MostConnected, 5, seed: 1);
        int fifth = connected.Min(Overlaid.Degree);
        Assert.True(Enumerable.Range(0, Base.NodeCount).Except(connected).All(v => Overlaid.Degree(v) <= fifth));
    }

    private static int[] MenteesOf(int mentor)
    {
        ReadOnlySpan<int> contacts = Overlaid.Neighbours(mentor);
        ReadOnlySpan<EdgeType> types = Overlaid.EdgeTypesOf(mentor);
        var mentees = new List<int>();
        for (int i = 0; i < contacts.Length; i++)
        {
            if (types[i] == EdgeType.Mentee)
            {
                mentees.Add(contacts[i]);
            }
        }

        return [.. mentees];
    }

    /// <summary>The mentor who heads an agent's pod (itself for a mentor), or -1.</summary>
    private static int PodOf(int v) => MenteesOf(v).Length > 0 ? v : Overlaid.Supporter(v) is int s && s >= 0 && s < Base.NodeCount ? s : -1;
}
