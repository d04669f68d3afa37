package org.opensupervision.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opensupervision.evaluation.Evaluations.TrendPoint;

/**
 * Charts drawn on the server as SVG markup: no script, no library, no CDN, and nothing the Content Security Policy
 * refuses (presentation attributes, no inline style). They scale with the page (viewBox, width 100 %), so they read
 * on a phone. Every text is escaped.
 */
final class SvgCharts {

    /** One bar: a label and a score from 0 to 100 (null: no bar, "—"). */
    record Bar(String label, BigDecimal score) {
    }

    private SvgCharts() {
    }

    /** Horizontal bars, one per department in the order given, scaled 0 to 100. */
    static String bars(List<Bar> bars, String title) {
        int rowHeight = 26;
        int labelWidth = 220;
        int width = 640;
        int height = bars.size() * rowHeight + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"100%\" aria-label=\"")
                .append(escape(title)).append("\"><title>").append(escape(title)).append("</title>");
        int barSpace = width - labelWidth - 60;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowHeight + 4;
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">").append(escape(bar.label()))
                    .append("</text>");
            if (bar.score() != null) {
                double w = Math.max(0, Math.min(100, bar.score().doubleValue())) / 100 * barSpace;
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(format(w)).append("\" height=\"").append(rowHeight - 8)
                        .append("\" fill=\"#1f6fb2\"/>");
                svg.append("<text x=\"").append(format(labelWidth + w + 4)).append("\" y=\"").append(y + 16)
                        .append("\" font-size=\"12\" fill=\"#222\">").append(bar.score().toPlainString())
                        .append("</text>");
            } else {
                svg.append("<text x=\"").append(labelWidth + 4).append("\" y=\"").append(y + 16)
                        .append("\" font-size=\"12\" fill=\"#777\">—</text>");
            }
        }
        int axisY = bars.size() * rowHeight + 8;
        for (int tick = 0; tick <= 100; tick += 20) {
            double x = labelWidth + tick / 100.0 * barSpace;
            svg.append("<line x1=\"").append(format(x)).append("\" y1=\"0\" x2=\"").append(format(x)).append("\" y2=\"")
                    .append(axisY).append("\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(axisY + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">").append(tick).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A line of a department's monthly scores (0 to 100); months without a published score break the line. */
    static String trend(List<TrendPoint> points, String title) {
        int width = 640;
        int height = 220;
        int left = 40;
        int right = 20;
        int top = 15;
        int bottom = 40;
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"100%\" aria-label=\"")
                .append(escape(title)).append("\"><title>").append(escape(title)).append("</title>");
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = top + plotHeight - tick / 100.0 * plotHeight;
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(format(y)).append("\" x2=\"")
                    .append(width - right).append("\" y2=\"").append(format(y))
                    .append("\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(format(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">").append(tick).append("</text>");
        }
        double step = points.size() > 1 ? plotWidth / (points.size() - 1) : 0;
        List<String> segment = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            double x = left + i * step;
            svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(height - bottom + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">")
                    .append(escape(p.period().substring(2))).append("</text>");
            if (p.score() == null) {
                line(svg, segment);
                continue;
            }
            double y = top + plotHeight - Math.max(0, Math.min(100, p.score().doubleValue())) / 100 * plotHeight;
            segment.add(format(x) + "," + format(y));
            svg.append("<circle cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                    .append("\" r=\"3\" fill=\"#1f6fb2\"><title>").append(escape(p.period())).append(": ")
                    .append(p.score().toPlainString()).append("</title></circle>");
        }
        line(svg, segment);
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, List<String> segment) {
        if (segment.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", segment)).append("\"/>");
        }
        segment.clear();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
