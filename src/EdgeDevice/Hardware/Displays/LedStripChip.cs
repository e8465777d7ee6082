namespace EdgeDevice.Hardware.Displays;

/// <summary>The addressable LED chips driven over SPI at 2.4 MHz (3 SPI bits per data bit).</summary>
public enum LedStripChip
{
    /// <summary>WS2812B / NeoPixel: GRB, 24 data bits = 9 SPI bytes per LED.</summary>
    Ws2812b,

    /// <summary>SK6812 RGBW: GRBW, 32 data bits = 12 SPI bytes per LED (the white LED stays off).</summary>
    Sk6812,
}
