using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class AhpMatrixFacts
{
    [Fact]
    public void Analyse_gives_the_textbook_priorities_and_consistency_ratio()
    {
        // Saaty's 3 × 3 example. Independent calculation (power iteration in a few lines of Python):
        // w = 0.6370 / 0.2583 / 0.1047, λmax = 3.0385, CI = 0.0193, CR = 0.0193 / 0.58 = 0.0332.
        double[][] matrix = [[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]];

        var result = AhpMatrix.Analyse(matrix);

        Assert.Equal(0.637, result.Priorities[0], 3);
        Assert.Equal(0.258, result.Priorities[1], 3);
        Assert.Equal(0.105, result.Priorities[2], 3);
        Assert.Equal(3.0385, result.LambdaMax, 4);
        Assert.Equal(0.0193, result.ConsistencyIndex, 4);
        Assert.Equal(0.0332, result.ConsistencyRatio, 4);
        Assert.True(result.IsConsistent);
    }

    [Fact]
    public void Analyse_of_a_cyclic_matrix_is_inconsistent()
    {
        // A over B, B over C, C over A, each by 2. By symmetry w = 1/3 each, so
        // λmax = 1 + 2 + 1/2 = 3.5, CI = (3.5 − 3) / 2 = 0.25, CR = 0.25 / 0.58 = 0.431.
        double[][] matrix = [[1, 2, 0.5], [0.5, 1, 2], [2, 0.5, 1]];

        var result = AhpMatrix.Analyse(matrix);

        Assert.All(result.Priorities, w => Assert.Equal(1.0 / 3, w, 9));
        Assert.Equal(3.5, result.LambdaMax, 9);
        Assert.Equal(0.431, result.ConsistencyRatio, 3);
        Assert.False(result.IsConsistent);
    }

    [Fact]
    public void Analyse_of_one_or_two_criteria_is_always_consistent()
    {
        Assert.Equal(0, AhpMatrix.Analyse([[1.0]]).ConsistencyRatio);
        var two = AhpMatrix.Analyse([[1, 3], [1.0 / 3, 1]]);
        Assert.Equal(0, two.ConsistencyRatio, 9);
        Assert.Equal(0.75, two.Priorities[0], 9);
    }

    [Fact]
    public void Problems_name_the_entries_that_are_not_square_positive_or_reciprocal()
    {
        Assert.Contains(AhpMatrix.Problems([[1, 2], [0.5]]), p => p is { Row: 1, Column: -1 } && p.Message.Contains("square"));
        Assert.Contains(AhpMatrix.Problems([[1, -2], [0.5, 1]]), p => p is { Row: 0, Column: 1 } && p.Message.Contains("positive"));
        Assert.Contains(AhpMatrix.Problems([[1, 3], [0.5, 1]]), p => p is { Row: 1, Column: 0 } && p.Message.Contains("reciprocal"));
        Assert.Contains(AhpMatrix.Problems([[2, 1], [1, 1]]), p => p is { Row: 0, Column: 0 } && p.Message.Contains("diagonal"));
        Assert.Contains(AhpMatrix.Problems([[1, 12], [1.0 / 12, 1]]), p => p is { Row: 0, Column: 1 } && p.Message.Contains("1/9 to 9"));
        Assert.Empty(AhpMatrix.Problems([[1, 3], [0.333, 1]]));
    }

    [Fact]
    public void Analyse_refuses_a_matrix_that_is_not_reciprocal() =>
        Assert.Throws<ArgumentException>(() => AhpMatrix.Analyse([[1, 3], [0.5, 1]]));
}
