package dev.kcscim.bench.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A PNG of median (p50) latency against realm size, one panel per operation, one line per system, both axes
 * logarithmic; drawn with Java2D (headless), so no plotting library and no network are needed. A system whose
 * every call failed at a size has no point there. In relative mode each point is the system's p50 divided by
 * Admin REST's p50 at the same size (measured in the same rounds), which cancels the drift of a shared machine's
 * load between sizes.
 */
final class LatencyPlot {

    private static final int PANEL_W = 520;
    private static final int PANEL_H = 360;
    private static final int COLUMNS = 3;
    private static final String[] SYSTEMS = {Scenarios.OURS, Scenarios.ADMIN, Scenarios.NATIVE, Scenarios.OURS_USER_PATCH};
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x7f7f7f)};

    private final Results results;
    private final boolean relative;

    LatencyPlot(Results results, boolean relative) {
        this.results = results;
        this.relative = relative;
    }

    void write(Path png, List<String> operations, String title) throws IOException {
        int rows = (operations.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(PANEL_W * COLUMNS, PANEL_H * rows + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 14, 26);
        for (int i = 0; i < operations.size(); i++) {
            panel(g, operations.get(i), (i % COLUMNS) * PANEL_W, 40 + (i / COLUMNS) * PANEL_H);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private void panel(Graphics2D g, String operation, int x0, int y0) {
        int left = x0 + 62;
        int right = x0 + PANEL_W - 16;
        int top = y0 + 30;
        int bottom = y0 + PANEL_H - 70;
        List<Integer> sizes = new ArrayList<>(results.sizes());
        double minMs = Double.MAX_VALUE;
        double maxMs = 0;
        for (int size : sizes) {
            for (String system : SYSTEMS) {
                Optional<Measurement> m = point(size, operation, system);
                if (m.isPresent()) {
                    minMs = Math.min(minMs, value(m.get()));
                    maxMs = Math.max(maxMs, value(m.get()));
                }
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(operation, x0 + 14, y0 + 18);
        if (maxMs == 0) {
            g.drawString("no successful measurement", left + 40, (top + bottom) / 2);
            return;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(minMs)));
        double hi = Math.pow(10, Math.ceil(Math.log10(maxMs)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        double loX = Math.log10(sizes.get(0));
        double hiX = Math.log10(sizes.get(sizes.size() - 1));
        double spanX = hiX > loX ? hiX - loX : 1;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double tick = lo; tick <= hi * 1.0001; tick *= 10) {
            int y = (int) (bottom - (Math.log10(tick) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (bottom - top));
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String unit = relative ? "x" : " ms";
            g.drawString(tick >= 1 ? String.format(Locale.ROOT, "%.0f%s", tick, unit)
                    : String.format(Locale.ROOT, tick >= 0.1 ? "%.1f%s" : "%.2f%s", tick, unit), x0 + 8, y + 4);
        }
        for (int size : sizes) {
            int x = xOf(size, loX, spanX, left, right);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,d", size), x - 16, bottom + 14);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString("users in realm", (left + right) / 2 - 30, bottom + 28);
        int legendY = bottom + 46;
        int legendX = left - 40;
        for (int s = 0; s < SYSTEMS.length; s++) {
            int[] prev = null;
            boolean any = false;
            g.setColor(COLORS[s]);
            g.setStroke(new BasicStroke(2.2f));
            for (int size : sizes) {
                Optional<Measurement> m = point(size, operation, SYSTEMS[s]);
                if (m.isEmpty()) {
                    prev = null;
                    continue;
                }
                any = true;
                int x = xOf(size, loX, spanX, left, right);
                int y = (int) (bottom - (Math.log10(value(m.get())) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                        * (bottom - top));
                g.fillOval(x - 4, y - 4, 8, 8);
                if (prev != null) {
                    g.drawLine(prev[0], prev[1], x, y);
                }
                prev = new int[] {x, y};
            }
            g.setStroke(new BasicStroke(1f));
            if (any) {
                g.fillRect(legendX, legendY - 8, 14, 8);
                g.setColor(Color.BLACK);
                g.drawString(SYSTEMS[s], legendX + 18, legendY);
                legendX += g.getFontMetrics().stringWidth(SYSTEMS[s]) + 34;
            }
        }
    }

    private Optional<Measurement> point(int size, String operation, String system) {
        Optional<Measurement> m = results.find(size, operation, system)
                .filter(x -> x.errors + x.wrong < x.calls && !Double.isNaN(x.p50()));
        if (relative && m.isPresent() && Double.isNaN(adminP50(m.get()))) {
            return Optional.empty();
        }
        return m;
    }

    private double value(Measurement m) {
        return relative ? m.p50() / adminP50(m) : m.p50();
    }

    private double adminP50(Measurement m) {
        return results.find(m.size, m.operation, Scenarios.ADMIN).filter(a -> a.errors + a.wrong < a.calls)
                .map(Measurement::p50).orElse(Double.NaN);
    }

    private static int xOf(int size, double loX, double spanX, int left, int right) {
        return (int) (left + 20 + (Math.log10(size) - loX) / spanX * (right - left - 40));
    }
}
