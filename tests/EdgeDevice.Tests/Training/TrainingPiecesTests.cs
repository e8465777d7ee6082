using System.Globalization;
using ConvCore.Fixed.Kernels;
using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TempFolder = EdgeDevice.Tests.Support.TempFolder;

namespace EdgeDevice.Tests.Training;

/// <summary>The small parts: student format, loss bar, loss curve CSV, plot, option parsing, progress text.</summary>
public class TrainingPiecesTests
{
    [Theory]
    [InlineData("sobel-x", 12)]
    [InlineData("laplacian4", 12)]
    [InlineData("sharpen", 12)]
    [InlineData("laplacian8", 11)]
    [InlineData("scharr-x", 11)]
    [InlineData("box3", 12)]
    public void TheStudentFormatLeavesRoomAboveTheTeachersLargestWeight(string teacher, int fractionBits)
    {
        FixedKernel k = KernelCatalogue.GetKernel(teacher);
        int f = StudentFormat.WeightFractionBitsFor(k);

        Assert.Equal(fractionBits, f);
        double largest = Enumerable.Range(0, k.TapCount).Max(i => Math.Abs(k.ValueAt(i / k.Cols, i % k.Cols)));
        Assert.True(largest * 1.5 < short.MaxValue / (double)(1 << f));
    }

    [Fact]
    public void EmbeddingCentresTheTeacherAndRefusesWhatCannotBeCentred()
    {
        FixedKernel edge = KernelCatalogue.GetKernel("edge-y");
        FixedKernel big = StudentFormat.Embed(edge, 4, 3);

        Assert.Equal([0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0], big.Weights.ToArray().Select(w => (int)w));
        Assert.Null(StudentFormat.WhyNotEmbeddable(edge, 4, 3));
        Assert.Contains("smaller", StudentFormat.WhyNotEmbeddable(edge, 1, 1), StringComparison.Ordinal);
        Assert.Contains("even", StudentFormat.WhyNotEmbeddable(edge, 3, 3), StringComparison.Ordinal);
        Assert.Equal(0.0, StudentFormat.MaxWeightError(big, big));
        Assert.Throws<ArgumentException>(() => StudentFormat.MaxWeightError(big, edge));
    }

    [Theory]
    [InlineData("sobel-x", "learned-sobel-x")]
    [InlineData("learned-sobel-x", "learned-sobel-x")]
    [InlineData("y", "learned-y")]
    public void StudentsAreNamedAfterTheirTeacherOnce(string teacher, string student)
    {
        Assert.Equal(student, StudentFormat.StudentName(teacher));
    }

    [Theory]
    [InlineData(1e-2, 1e-2, 1e-6, 0.0)]
    [InlineData(1e-2, 1e-4, 1e-6, 0.5)]
    [InlineData(1e-2, 1e-6, 1e-6, 1.0)]
    [InlineData(1e-2, 1e-9, 1e-6, 1.0)]
    [InlineData(1e-2, 1.0, 1e-6, 0.0)]
    public void TheLossBarIsLogarithmicFromTheFirstLossToTheTarget(double first, double loss, double target, double progress)
    {
        Assert.Equal(progress, LossBar.Progress(first, loss, target), 9);
    }

    [Fact]
    public void TheLossBarLightsItsShareOfTheBottomRowOnly()
    {
        var frame = new LedFrame(8, 4);
        frame.Pixels.Fill(new Rgb(1, 2, 3));

        LossBar.Draw(frame, 0.5);

        for (int x = 0; x < 8; x++)
        {
            Assert.Equal(x < 4 ? LossBar.Done : LossBar.Remaining, frame[x, 3]);
            Assert.Equal(new Rgb(1, 2, 3), frame[x, 2]);
        }
    }

    [Fact]
    public void TheCsvHoldsEveryStepExactly()
    {
        using var t = new TempFolder();
        var curve = new LossCurve();
        curve.Add(1, 0.1234567890123, 0.4);
        curve.Add(2, 1e-9 / 3, 0.32);
        curve.SaveCsv(t.File("c.csv"));

        string[] lines = File.ReadAllLines(t.File("c.csv"));

        Assert.Equal(["iteration,loss,learning_rate", "1,0.1234567890123,0.4"], lines[..2]);
        Assert.Equal(1e-9 / 3, double.Parse(lines[2].Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ThePlotPutsTheCurveAndTheTargetWhereTheyBelong()
    {
        var curve = new LossCurve();
        for (int i = 1; i <= 200; i++)
        {
            curve.Add(i, Math.Pow(10, -1 - (i / 40.0)), 0.4);
        }

        var plot = new LossPlot(curve, 1e-4, "TEST");
        using Image<Rgb24> image = plot.Render();

        var (x0, y0) = plot.PixelOf(1, curve.Points[0].Loss);
        var (x1, y1) = plot.PixelOf(200, curve.Points[^1].Loss);
        Assert.Equal(LossPlot.Curve, image[x0, y0]);
        Assert.Equal(LossPlot.Curve, image[x1, y1]);
        Assert.True(y1 > y0, "a falling loss goes down the picture");
        Assert.True(x1 > x0);
        var (_, ty) = plot.PixelOf(0, 1e-4);
        int red = Enumerable.Range(0, LossPlot.Width).Count(x => image[x, ty] == LossPlot.TargetLine);
        Assert.True(red > 300, $"{red} red pixels on the target row");
        var (_, decade) = plot.PixelOf(0, 1e-3);
        Assert.Equal(LossPlot.Grid, image[LossPlot.Width - 30, decade]);
    }

    [Fact]
    public void APlotNeedsPoints()
    {
        Assert.Throws<ArgumentException>(() => new LossPlot(new LossCurve(), null, "EMPTY"));
    }

    [Theory]
    [InlineData("0.9,-0.2", 0.9, -0.2)]
    [InlineData("-1,0.5", -1.0, 0.5)]
    [InlineData(" 2 , -3.5e-1 ", 2.0, -0.35)]
    public void InitTakesTwoNumbersInvariantly(string text, double w0, double w1)
    {
        Assert.Equal([w0, w1], TrainCommandOptions.ParseInit(text));
    }

    [Theory]
    [InlineData("3x3", 3, 3)]
    [InlineData("1x2", 1, 2)]
    [InlineData("5X1", 5, 1)]
    public void SizeIsRowsByColumns(string text, int rows, int cols)
    {
        Assert.Equal((rows, cols), TrainCommandOptions.ParseKernelSize(text));
    }

    [Theory]
    [InlineData("0x3")]
    [InlineData("65x1")]
    [InlineData("17x17")]
    [InlineData("3x")]
    [InlineData("-3x3")]
    public void BadSizesAreRefusedWithTheOptionName(string text)
    {
        var ex = Assert.Throws<UserInputException>(() => TrainCommandOptions.ParseKernelSize(text));
        Assert.Contains("--size", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEtaIsTheTimeToTheIterationLimitAtThePaceSoFar()
    {
        var p = new TrainingProgress(100, 400, 1e-4, 1e-6, TimeSpan.FromSeconds(2));

        Assert.Equal("ETA at most 6.0 s", ProgressLine.Eta(p));
        Assert.Equal("ETA -", ProgressLine.Eta(p with { Iteration = 0 }));
    }

    [Fact]
    public void TheProgressLineRedrawsInPlaceAndClearsItself()
    {
        var error = new StringWriter();
        var line = new ProgressLine(error, "training x");

        line.Report(new TrainingProgress(5, 50, 0.01, 1e-6, TimeSpan.FromSeconds(1)));
        line.Clear();

        string text = error.ToString();
        Assert.StartsWith("\rtraining x: iteration 5/50, loss 1e-2, ETA at most 9.0 s", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", text, StringComparison.Ordinal);
    }
}
