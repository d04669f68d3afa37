package org.opensupervision.evaluation.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The published ranking as CSV (Commons CSV, UTF-8 with a byte-order mark so that spreadsheet programs read the
 * Chinese names) and as XLSX (Apache POI): the same columns, one row per department and indicator; the XLSX adds a
 * sheet of the departments and one of the corrections.
 */
final class RankingExports {

    static final List<String> COLUMNS = List.of("period", "version", "ruleVersion", "departmentCode", "departmentName",
            "rank", "score", "grade", "change", "indicator", "dimension", "status", "value", "numerator",
            "denominator");

    private RankingExports() {
    }

    static byte[] csv(RankingView view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get()
                     .print(out)) {
            for (RankingView.DepartmentView d : view.departments()) {
                for (RankingView.IndicatorView i : d.indicators()) {
                    csv.printRecord(view.period(), view.version(), view.ruleVersion(), d.departmentCode(),
                            d.departmentName(), d.rank(), plain(d.score()), d.gradeLabel(), plain(d.change()),
                            i.code(), i.dimensionLabel(), i.status(), i.value(), i.numerator(), i.denominator());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(RankingView view, boolean english) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet ranking = book.createSheet(english ? "Ranking" : "排名");
            row(ranking, 0, "period", "version", "ruleVersion", "rank", "departmentCode", "departmentName", "score",
                    "grade", "change");
            int r = 1;
            for (RankingView.DepartmentView d : view.departments()) {
                row(ranking, r++, view.period(), view.version(), view.ruleVersion(), d.rank(), d.departmentCode(),
                        d.departmentName(), d.score(), d.gradeLabel(), d.change());
            }
            Sheet indicators = book.createSheet(english ? "Indicators" : "指标");
            row(indicators, 0, COLUMNS.toArray());
            r = 1;
            for (RankingView.DepartmentView d : view.departments()) {
                for (RankingView.IndicatorView i : d.indicators()) {
                    row(indicators, r++, view.period(), view.version(), view.ruleVersion(), d.departmentCode(),
                            d.departmentName(), d.rank(), d.score(), d.gradeLabel(), d.change(), i.code(),
                            i.dimensionLabel(), i.status(), i.value(), i.numerator(), i.denominator());
                }
            }
            Sheet corrections = book.createSheet(english ? "Corrections" : "更正");
            row(corrections, 0, "version", "departmentCode", "indicator", "originalNumerator", "originalDenominator",
                    "correctedNumerator", "correctedDenominator", "reason", "correctedAt");
            r = 1;
            for (RankingView.CorrectionView c : view.corrections()) {
                row(corrections, r++, c.version(), c.departmentCode(), c.indicator(), c.originalNumerator(),
                        c.originalDenominator(), c.correctedNumerator(), c.correctedDenominator(), c.reason(),
                        c.correctedAt().toString());
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
