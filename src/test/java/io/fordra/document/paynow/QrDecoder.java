package io.fordra.document.paynow;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads QR codes as a bank app would: from a PNG, or from a letter's page rasterised at 200 dpi (PDFBox), with zxing's
 * reader, which knows nothing of how Fordra drew them.
 */
public final class QrDecoder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<DecodeHintType, Object> HINTS = Map.of(
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
      DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

  private QrDecoder() {}

  /** The texts of all QR codes on the page (1-based) of the PDF. */
  public static List<String> onPage(byte[] pdf, int page) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 200, ImageType.GRAY);
      return all(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pages of the PDF. */
  public static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the one QR code in the PNG. */
  public static String png(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("not an image");
      }
      return new QRCodeReader().decode(bitmap(image), HINTS).getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (com.google.zxing.ReaderException e) {
      throw new AssertionError("no QR code in the image", e);
    }
  }

  /** The decoded text as the JSON object the usingQR format writes. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static List<String> all(BufferedImage image) {
    try {
      Result[] results = new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap(image), HINTS);
      return Arrays.stream(results).map(Result::getText).toList();
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  private static BinaryBitmap bitmap(BufferedImage image) {
    return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
  }
}
