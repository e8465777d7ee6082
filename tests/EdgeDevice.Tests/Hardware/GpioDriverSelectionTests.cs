using EdgeDevice.Cli;
using EdgeDevice.Hardware.Board;
using EdgeDevice.Hardware.Gpio;
using EdgeDevice.Platform;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Hardware;

public class GpioDriverSelectionTests
{
    [Theory]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0", "bookworm", GpioDriverChoice.LibGpiodV2)]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0", "trixie", GpioDriverChoice.LibGpiodV2)]
    [InlineData("Raspberry Pi Compute Module 5 Rev 1.0", "bookworm", GpioDriverChoice.LibGpiodV2)]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4", "trixie", GpioDriverChoice.LibGpiodV2)]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4", "bookworm", GpioDriverChoice.Default)]
    [InlineData("Raspberry Pi 3 Model B Plus Rev 1.3", null, GpioDriverChoice.Default)]
    [InlineData(null, "trixie", GpioDriverChoice.None)]
    [InlineData("QEMU Virtual Machine", "bookworm", GpioDriverChoice.None)]
    public void TheDriverFollowsBoardAndRelease(string? model, string? codename, GpioDriverChoice expected) =>
        Assert.Equal(expected, GpioDriverSelection.Choose(new BoardInfo(model), new OsRelease(codename)));

    [Fact]
    public void TheHeaderChipIsFoundByLabelWhereverTheKernelNumberedIt()
    {
        Assert.Equal(4, GpioDriverSelection.HeaderChip([(0, "gpio-brcmstb@107d508500"), (4, "pinctrl-rp1"), (10, "gpio-brcmstb@107d517c00")]));
        Assert.Equal(0, GpioDriverSelection.HeaderChip([(0, "pinctrl-rp1"), (10, "gpio-brcmstb@107d508500")]));
        Assert.Equal(0, GpioDriverSelection.HeaderChip([(0, "pinctrl-bcm2711"), (1, "raspberrypi-exp-gpio")]));
        Assert.Equal(0, GpioDriverSelection.HeaderChip([]));
    }

    [Fact]
    public void TheCodenameIsReadFromOsRelease()
    {
        using var t = new TempFolder();
        string path = t.Write("os-release", "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nVERSION_CODENAME=trixie\nID=debian\n");
        Assert.True(OsRelease.Read(path).IsTrixieOrLater);
        Assert.Equal("bookworm", OsRelease.Read(t.Write("b", "VERSION_CODENAME=\"bookworm\"\n")).Codename);
        Assert.Null(OsRelease.Read(t.File("missing")).Codename);
    }

    [Fact]
    public void OffAPiTheButtonIsRefusedWithTheSettingToChange()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => GpioControllers.Open(new BoardInfo((string?)null), new OsRelease("trixie")));
        Assert.Contains("Button:Enabled", ex.Message);
    }
}
