package io.fordra.document.paynow;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code (ISO/IEC 18004) of a text, as modules to draw on a letter or as a PNG for the portal and e-mail.
 *
 * <p>Error correction level M (about 15 % of the code may be lost): the level payment QR formats commonly fix (the
 * EPC's SEPA payment code does), robust against a fold or a stain, and a code of ~200 characters stays at version
 * 8-10, about 25 mm at the 0.5 mm module a phone camera reads off paper.
 * Text in UTF-8 (å ä ö in the payee's name), four modules of quiet zone as the standard requires.
 */
public final class QrCode {

  /** Modules of white border around the code (ISO/IEC 18004 asks for four). */
  public static final int QUIET_ZONE = 4;

  private final BitMatrix modules;

  private QrCode(BitMatrix modules) {
    this.modules = modules;
  }

  public static QrCode of(String text) {
    try {
      // Size 0: one pixel per module, the writer adds the quiet zone.
      return new QrCode(new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
              EncodeHintType.MARGIN, QUIET_ZONE)));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Text too long for a QR code (" + text.length() + " characters)", e);
    }
  }

  /** Modules per side, quiet zone included. */
  public int size() {
    return modules.getWidth();
  }

  /** Whether the module in column x, row y (from the top left, quiet zone included) is dark. */
  public boolean isDark(int x, int y) {
    return modules.get(x, y);
  }

  /** The code as a black-on-white PNG with {@code pixelsPerModule} pixels for each module. */
  public byte[] png(int pixelsPerModule) {
    int side = size() * pixelsPerModule;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, isDark(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing a PNG to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
