using ConvCore.Fixed.Kernels;
using EdgeDevice.Cli;
using EdgeDevice.Files;
using EdgeDevice.KernelFiles;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.KernelFiles;

public class KernelFileTests
{
    private const string Good = """
        { "format": "edgedevice-kernel/1", "name": "learned-sobel-x",
          "rows": 3, "cols": 3, "fractionBits": 12,
          "weights": [ -4096, 0, 4096, -8192, 0, 8192, -4096, 0, 4096 ],
          "bias": 0,
          "values": [ -1.0, 0.0, 1.0, -2.0, 0.0, 2.0, -1.0, 0.0, 1.0 ],
          "provenance": { "teacher": "sobel-x", "iterations": 400, "loss": 0.0001,
                          "created": "2026-11-27T10:00:00Z" } }
        """;

    [Fact]
    public void TheInterfaceExampleLoads()
    {
        using var t = new TempFolder();
        FixedKernel k = KernelFile.Load(t.Write("k.json", Good));
        Assert.Equal("learned-sobel-x", k.Name);
        Assert.Equal((3, 3, 12, 0), (k.Rows, k.Cols, k.FractionBits, k.Bias));
        Assert.Equal(new short[] { -4096, 0, 4096, -8192, 0, 8192, -4096, 0, 4096 }, k.Weights.ToArray());
        Assert.Equal(-2.0, k.ValueAt(1, 0));
    }

    [Fact]
    public void SaveThenLoadIsBitIdentical()
    {
        using var t = new TempFolder();
        var k = FixedKernel.Create("odd", 2, 3, [-32768, 32767, 1, -1, 0, 12345], fractionBits: 15, bias: -123456);
        string path = t.File("sub/odd.json");
        KernelFile.Save(path, k, new KernelProvenance("sobel-x", 40, 0.001, DateTimeOffset.UnixEpoch));
        FixedKernel back = KernelFile.Load(path);
        Assert.Equal(k.Weights.ToArray(), back.Weights.ToArray());
        Assert.Equal((k.Name, k.Rows, k.Cols, k.FractionBits, k.Bias), (back.Name, back.Rows, back.Cols, back.FractionBits, back.Bias));
        Assert.Contains("\"teacher\": \"sobel-x\"", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("not json at all", "is not valid JSON")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("""{ "format": "other/2", "rows": 1, "cols": 1, "fractionBits": 0, "weights": [1] }""", "has format 'other/2'")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 2, "cols": 2, "fractionBits": 0, "weights": [1, 2, 3] }""", "has 3 weights but a 2x2 kernel needs 4")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 1, "cols": 2, "fractionBits": 0, "weights": [1, 40000] }""", "weight 1 = 40000, outside int16")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 1, "cols": 2, "fractionBits": 0, "weights": [1, 1.5] }""", "weights must be integers")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 1, "cols": 1, "fractionBits": 16, "weights": [1] }""", "fractionBits 16")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 1, "cols": 1, "fractionBits": -1, "weights": [1] }""", "fractionBits -1")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 1, "cols": 2, "fractionBits": 0, "weights": [1, 1], "values": [1, "NaN"] }""", "no NaN or Infinity")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 17, "cols": 17, "fractionBits": 0, "weights": [] }""", "289 taps")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "rows": 0, "cols": 3, "fractionBits": 0, "weights": [] }""", "shape 0x3")]
    [InlineData("""{ "format": "edgedevice-kernel/1", "cols": 3, "fractionBits": 0, "weights": [] }""", "no integer \"rows\"")]
    public void BadFilesGetOneSentenceNamingTheFile(string content, string expected)
    {
        using var t = new TempFolder();
        string path = t.Write("bad.json", content);
        var ex = Assert.Throws<UserInputException>(() => KernelFile.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void ADirectoryIsRefused()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t.File("dir.json"));
        var ex = Assert.Throws<UserInputException>(() => KernelFile.Load(t.File("dir.json")));
        Assert.Contains("is a directory", ex.Message);
    }

    [Fact]
    public void AMissingFileIsRefused()
    {
        using var t = new TempFolder();
        var ex = Assert.Throws<UserInputException>(() => KernelFile.Load(t.File("none.json")));
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void AFailedSaveLeavesThePreviousFileIntact()
    {
        using var t = new TempFolder();
        string path = t.Write("k.json", Good);
        var k = FixedKernel.FromIntegers("new", 1, 2, [1, -1]);
        Assert.Throws<IOException>(() =>
            AtomicFile.Write(path, s => s.Write(KernelFile.Serialize(k, null)), inner => new FailingStream(inner, failAfter: 20)));
        Assert.Equal(Good, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(t.Path));
    }
}
