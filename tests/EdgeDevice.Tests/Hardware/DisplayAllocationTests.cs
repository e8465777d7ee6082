using System.Device.I2c;
using System.Device.Spi;
using EdgeDevice.Display;
using EdgeDevice.Hardware.Displays;

namespace EdgeDevice.Tests.Hardware;

/// <summary>Showing a frame allocates nothing once the display exists (the loop runs at 15+ fps for days).</summary>
public class DisplayAllocationTests
{
    [Fact]
    public void EveryBusDisplayShowsFramesWithoutAllocating()
    {
        var spi24 = new DiscardSpi(LedStripDisplay.SpiSettings(0, 0));
        IDisplay[] displays =
        [
            new Max7219Display(new DiscardSpi(Max7219Display.SpiSettings(0, 0)), 4, conversion: MonoConversion.Bayer),
            new LedStripDisplay(spi24, 16, 16, order: WiringOrder.Serpentine, rotation: 90, maxCurrentMilliamps: 2000, spiBufferSize: 65536),
            new SenseHatI2cDisplay(new DiscardI2c()),
            new Ht16k33Display(new DiscardI2c(), Ht16k33Model.Bicolor8x8),
            new Ht16k33Display(new DiscardI2c(), Ht16k33Model.Mono16x8),
            new Is31fl3731Display(new DiscardI2c(), 16, 9),
            new ResilientDisplay(new Hub75Display(new DiscardCanvas(64, 32), rotation: 180)),
        ];
        foreach (IDisplay display in displays)
        {
            var frame = new LedFrame(display.Capabilities.Width, display.Capabilities.Height);
            for (int i = 0; i < frame.Pixels.Length; i++)
            {
                frame.Pixels[i] = new Rgb((byte)(i * 7), (byte)(i * 13), (byte)(i * 29));
            }

            display.Show(frame);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                display.Show(frame);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"{display.Name} allocated {allocated} bytes over 50 frames");
            display.Dispose();
        }
    }

    private sealed class DiscardSpi(SpiConnectionSettings settings) : SpiDevice
    {
        public override SpiConnectionSettings ConnectionSettings => settings;

        public override void Read(Span<byte> buffer) => buffer.Clear();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
        }

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => readBuffer.Clear();
    }

    private sealed class DiscardCanvas(int width, int height) : IRgbMatrixCanvas
    {
        public int Width => width;

        public int Height => height;

        public void SetBackBufferPixel(int x, int y, byte red, byte green, byte blue)
        {
        }

        public void SwapBuffers()
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class DiscardI2c : I2cDevice
    {
        public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x70);

        public override void Read(Span<byte> buffer) => buffer.Clear();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => readBuffer.Clear();
    }
}
