using EdgeDevice.Display;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>
/// Reads WS2812B/SK6812 SPI bytes back per the datasheet encoding used at 2.4 MHz: every data bit
/// is 3 SPI bits, 1 = 110 and 0 = 100, most significant bit first, colours in G, R, B (, W) order,
/// followed by the all-zero reset gap.
/// </summary>
public static class Ws2812Wire
{
    public static List<(Rgb Color, byte White)> Decode(byte[] wire, int ledCount, int channels, int resetBytes = 30)
    {
        Assert.Equal((ledCount * channels * 3) + resetBytes, wire.Length);
        Assert.All(wire.Skip(ledCount * channels * 3), b => Assert.Equal(0, b));
        var leds = new List<(Rgb, byte)>();
        int bit = 0;
        int NextBit()
        {
            int v = (wire[bit / 8] >> (7 - (bit % 8))) & 1;
            bit++;
            return v;
        }

        byte NextByte()
        {
            int value = 0;
            for (int i = 0; i < 8; i++)
            {
                int a = NextBit(), b = NextBit(), c = NextBit();
                Assert.True(a == 1 && c == 0, $"SPI bits {a}{b}{c} are not a WS2812 symbol (100 or 110)");
                value = (value << 1) | b;
            }

            return (byte)value;
        }

        for (int i = 0; i < ledCount; i++)
        {
            byte g = NextByte(), r = NextByte(), b = NextByte();
            byte w = channels == 4 ? NextByte() : (byte)0;
            leds.Add((new Rgb(r, g, b), w));
        }

        return leds;
    }
}
