package io.fordra.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The throughput-over-time chart of the pipeline benchmark, drawn with Java2D: events per bucket (10 s) of each
 * series against the seconds since its run started, with axes, labels, a legend and the phase starts.
 */
final class PipelineChart {

  /** One line: event times in milliseconds since its run started. */
  record Series(String label, Color color, boolean dashed, List<Long> millis) {}

  /** A vertical marker: where a phase of a run started. */
  record Marker(String label, long millis, Color color) {}

  private static final int WIDTH = 1280;
  private static final int HEIGHT = 720;
  private static final int LEFT = 90;
  private static final int RIGHT = 40;
  private static final int TOP = 60;
  private static final int BOTTOM = 90;

  private final String title;
  private final long bucketMillis;
  private final List<Series> series = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private String markerNote;

  PipelineChart(String title, long bucketMillis) {
    this.title = title;
    this.bucketMillis = bucketMillis;
  }

  PipelineChart series(Series s) {
    series.add(s);
    return this;
  }

  PipelineChart marker(Marker m) {
    markers.add(m);
    return this;
  }

  /** What the markers' labels mean, printed under the x axis. */
  PipelineChart markerNote(String note) {
    markerNote = note;
    return this;
  }

  void write(Path png) throws IOException {
    long end = Math.max(bucketMillis, series.stream().flatMap(s -> s.millis().stream()).mapToLong(Long::longValue)
        .max().orElse(bucketMillis));
    int buckets = (int) (end / bucketMillis) + 1;
    List<long[]> counts = new ArrayList<>();
    long top = 1;
    for (Series s : series) {
      long[] c = new long[buckets];
      s.millis().forEach(t -> c[(int) (Math.max(0, t) / bucketMillis)]++);
      counts.add(c);
      for (long v : c) {
        top = Math.max(top, v);
      }
    }
    long yMax = niceCeiling(top);
    double xMaxSeconds = buckets * bucketMillis / 1000.0;

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(title, LEFT, 32);

    // Grid, ticks and tick labels.
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    FontMetrics metrics = g.getFontMetrics();
    double xStep = niceStep(xMaxSeconds / 10);
    for (double x = 0; x <= xMaxSeconds + 1e-9; x += xStep) {
      int px = LEFT + (int) Math.round(x / xMaxSeconds * plotWidth);
      g.setColor(new Color(235, 235, 235));
      g.drawLine(px, TOP, px, TOP + plotHeight);
      g.setColor(Color.BLACK);
      g.drawLine(px, TOP + plotHeight, px, TOP + plotHeight + 5);
      String label = String.format(Locale.ROOT, "%.0f", x);
      g.drawString(label, px - metrics.stringWidth(label) / 2, TOP + plotHeight + 20);
    }
    double yStep = niceStep(yMax / 8.0);
    for (double y = 0; y <= yMax + 1e-9; y += yStep) {
      int py = TOP + plotHeight - (int) Math.round(y / yMax * plotHeight);
      g.setColor(new Color(235, 235, 235));
      g.drawLine(LEFT, py, LEFT + plotWidth, py);
      g.setColor(Color.BLACK);
      g.drawLine(LEFT - 5, py, LEFT, py);
      String label = String.format(Locale.ROOT, "%.0f", y);
      g.drawString(label, LEFT - 9 - metrics.stringWidth(label), py + 5);
    }
    g.setColor(Color.BLACK);
    g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
    g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);

    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    String xLabel = "seconds since the run started (Fordra: invoice file uploaded; bare: first instance started)";
    g.drawString(xLabel, LEFT + (plotWidth - g.getFontMetrics().stringWidth(xLabel)) / 2, HEIGHT - 50);
    String yLabel = "invoices per " + bucketMillis / 1000 + " s";
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + plotHeight / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 28);
    g.setTransform(saved);

    // Phase markers, labelled at the foot of the plot (the legend has the top).
    Stroke dotted = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int markerRow = 0;
    for (Marker m : markers) {
      int px = LEFT + (int) Math.round(m.millis() / 1000.0 / xMaxSeconds * plotWidth);
      g.setColor(m.color());
      g.setStroke(dotted);
      g.drawLine(px, TOP, px, TOP + plotHeight);
      g.setStroke(new BasicStroke(1f));
      g.drawString(m.label(), px + 3, TOP + plotHeight - 8 - 13 * (markerRow++ % 2));
    }
    if (markerNote != null) {
      g.setColor(Color.DARK_GRAY);
      g.drawString(markerNote, LEFT, HEIGHT - 22);
    }

    // The series: a point at the middle of each bucket.
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      long[] c = counts.get(i);
      g.setColor(s.color());
      g.setStroke(s.dashed()
          ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f)
          : new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      int firstBucket = s.millis().stream().mapToInt(t -> (int) (Math.max(0, t) / bucketMillis)).min().orElse(0);
      int lastBucket = s.millis().stream().mapToInt(t -> (int) (Math.max(0, t) / bucketMillis)).max().orElse(-1);
      int prevX = -1;
      int prevY = -1;
      for (int b = firstBucket; b <= lastBucket; b++) {
        int px = LEFT + (int) Math.round((b + 0.5) * bucketMillis / 1000.0 / xMaxSeconds * plotWidth);
        int py = TOP + plotHeight - (int) Math.round((double) c[b] / yMax * plotHeight);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, px, py);
        }
        g.fillOval(px - 3, py - 3, 6, 6);
        prevX = px;
        prevY = py;
      }
    }

    // Legend, top right.
    g.setStroke(new BasicStroke(1f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    FontMetrics legendMetrics = g.getFontMetrics();
    int legendWidth = series.stream().mapToInt(s -> legendMetrics.stringWidth(legendText(s))).max().orElse(0) + 60;
    int legendX = LEFT + plotWidth - legendWidth - 10;
    int legendY = TOP + 10;
    g.setColor(new Color(255, 255, 255, 230));
    g.fillRect(legendX, legendY, legendWidth, 22 * series.size() + 10);
    g.setColor(Color.GRAY);
    g.drawRect(legendX, legendY, legendWidth, 22 * series.size() + 10);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      int y = legendY + 20 + 22 * i;
      g.setColor(s.color());
      g.setStroke(s.dashed()
          ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f)
          : new BasicStroke(2.4f));
      g.drawLine(legendX + 10, y - 5, legendX + 45, y - 5);
      g.setStroke(new BasicStroke(1f));
      g.setColor(Color.BLACK);
      g.drawString(legendText(s), legendX + 52, y);
    }
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  private static String legendText(Series s) {
    return s.label() + " (" + s.millis().size() + ")";
  }

  /** 1, 2 or 5 times a power of ten, at least the value. */
  private static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return Math.max(1, m * power);
      }
    }
    return 10 * power;
  }

  private static long niceCeiling(long value) {
    double step = niceStep(value / 8.0);
    return (long) (Math.ceil(value / step) * step);
  }
}
