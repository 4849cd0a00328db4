namespace CityScreen.Domain.Ledger;

/// <summary>The reference data a leaf (a grid, or a community's own direct ledger) contributes to every sum.</summary>
public sealed record LeafReference(int Population, int Households, int MembersExpected, bool IsGrid, bool HasPartyBranch)
{
    public static readonly LeafReference None = new(0, 0, 0, false, false);
}
