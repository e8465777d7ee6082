using ConvCore.Fixed.Kernels;

namespace EdgeDevice.Training;

/// <summary>
/// Picks the student's Q format from its teacher: as many fraction bits as possible (12 at
/// most, Q4.12) while the range keeps half as much again as the teacher's largest weight,
/// because momentum overshoots on the way and the trainer refuses a weight outside the range.
/// laplacian8 (-8) and scharr (10) get Q5.11; the 3x3 edge kernels Q4.12.
/// </summary>
public static class StudentFormat
{
    public const int DefaultWeightFractionBits = 12;

    private const double Headroom = 1.5;

    public static int WeightFractionBitsFor(FixedKernel teacher)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        double largest = 0;
        for (int r = 0; r < teacher.Rows; r++)
        {
            for (int c = 0; c < teacher.Cols; c++)
            {
                largest = Math.Max(largest, Math.Abs(teacher.ValueAt(r, c)));
            }
        }

        for (int f = DefaultWeightFractionBits; f > 0; f--)
        {
            if (largest * Headroom < short.MaxValue / (double)(1 << f))
            {
                return f;
            }
        }

        return 0;
    }

    /// <summary>
    /// The teacher centred in a larger student shape (zeros around it), so a bigger student
    /// learns the same map. The extra rows and columns must split evenly on both sides.
    /// </summary>
    public static FixedKernel Embed(FixedKernel teacher, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        if (rows == teacher.Rows && cols == teacher.Cols)
        {
            return teacher;
        }

        int top = (rows - teacher.Rows) / 2, left = (cols - teacher.Cols) / 2;
        var weights = new short[rows * cols];
        for (int r = 0; r < teacher.Rows; r++)
        {
            for (int c = 0; c < teacher.Cols; c++)
            {
                weights[((r + top) * cols) + c + left] = teacher[r, c];
            }
        }

        return FixedKernel.Create(teacher.Name, rows, cols, weights, teacher.FractionBits, teacher.Bias);
    }

    /// <summary>Null when a <paramref name="rows"/> x <paramref name="cols"/> student can hold the teacher centred; else why not.</summary>
    public static string? WhyNotEmbeddable(FixedKernel teacher, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        if (rows < teacher.Rows || cols < teacher.Cols)
        {
            return $"a {rows}x{cols} student is smaller than the {teacher.Rows}x{teacher.Cols} teacher {teacher.Name}";
        }

        if ((rows - teacher.Rows) % 2 != 0 || (cols - teacher.Cols) % 2 != 0)
        {
            return $"a {rows}x{cols} student cannot hold the {teacher.Rows}x{teacher.Cols} teacher {teacher.Name} centred (the size difference must be even on both axes)";
        }

        return null;
    }

    /// <summary>learned-TEACHER; a teacher that is itself learned keeps its name (retraining replaces it).</summary>
    public static string StudentName(string teacherName) =>
        teacherName.StartsWith("learned-", StringComparison.Ordinal) ? teacherName : "learned-" + teacherName;

    /// <summary>The largest |student - teacher| over all weights, in real units.</summary>
    public static double MaxWeightError(FixedKernel student, FixedKernel teacher)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        if (student.Rows != teacher.Rows || student.Cols != teacher.Cols)
        {
            throw new ArgumentException($"The student is {student.Rows}x{student.Cols} but the teacher {teacher.Rows}x{teacher.Cols}.", nameof(student));
        }

        double worst = 0;
        for (int r = 0; r < teacher.Rows; r++)
        {
            for (int c = 0; c < teacher.Cols; c++)
            {
                worst = Math.Max(worst, Math.Abs(student.ValueAt(r, c) - teacher.ValueAt(r, c)));
            }
        }

        return worst;
    }
}
