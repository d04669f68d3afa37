package org.opensupervision.approval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opensupervision.approval.CatalogueRejected.RowError;

/**
 * Reads a catalogue file (UTF-8 CSV, RFC 4180 quoting, a header line naming the columns in any order):
 * {@code itemCode,name,departmentCode,caseType,statutoryLimitWorkingDays,promisedLimitWorkingDays,
 * acceptanceLimitWorkingDays,reviewLimitWorkingDays,decisionLimitWorkingDays,maxStopWorkingDays,onlineRequired}; the
 * stage limits and the maximum stop may be empty. Errors name the line (the header is line 1).
 */
public final class CatalogueCsv {

    static final List<String> REQUIRED = List.of("itemCode", "name", "departmentCode", "caseType",
            "statutoryLimitWorkingDays", "promisedLimitWorkingDays", "onlineRequired");
    static final List<String> OPTIONAL = List.of("acceptanceLimitWorkingDays", "reviewLimitWorkingDays",
            "decisionLimitWorkingDays", "maxStopWorkingDays");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CatalogueCsv() {
    }

    /**
     * Parses the file.
     *
     * @throws CatalogueRejected naming every line and column that cannot be read
     */
    public static List<CatalogueRow> parse(String text) {
        List<List<String>> lines = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<RowError> errors = new ArrayList<>();
        if (lines.isEmpty()) {
            throw new CatalogueRejected(List.of(new RowError(1, "header", "MISSING", "文件为空 / The file is empty")));
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add(new RowError(1, column, "MISSING_COLUMN", "缺少列 / Missing column: " + column));
            }
        }
        if (!errors.isEmpty()) {
            throw new CatalogueRejected(errors);
        }
        List<CatalogueRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            int line = i + 1;
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != header.size()) {
                errors.add(new RowError(line, "row", "COLUMN_COUNT", "本行有" + cells.size() + "列，表头有" + header.size()
                        + "列 / The line has " + cells.size() + " columns, the header " + header.size()));
                continue;
            }
            Cells c = new Cells(header, cells, line, errors);
            rows.add(new CatalogueRow(c.text("itemCode"), c.text("name"), c.text("departmentCode"), c.caseType(),
                    c.integer("statutoryLimitWorkingDays", true), c.integer("promisedLimitWorkingDays", true),
                    c.integer("acceptanceLimitWorkingDays", false), c.integer("reviewLimitWorkingDays", false),
                    c.integer("decisionLimitWorkingDays", false), c.integer("maxStopWorkingDays", false),
                    c.bool("onlineRequired")));
        }
        if (!errors.isEmpty()) {
            throw new CatalogueRejected(errors);
        }
        return rows;
    }

    private record Cells(List<String> header, List<String> cells, int line, List<RowError> errors) {

        String text(String column) {
            int index = header.indexOf(column);
            return index < 0 ? null : cells.get(index).strip();
        }

        Integer integer(String column, boolean required) {
            String value = text(column);
            if (value == null || value.isEmpty()) {
                if (required) {
                    errors.add(new RowError(line, column, "MISSING", "不能为空 / Must not be empty"));
                    return 0;
                }
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                errors.add(new RowError(line, column, "NOT_A_NUMBER", "须为整数 / Must be a whole number, was " + value));
                return 0;
            }
        }

        CaseType caseType() {
            String value = text("caseType");
            try {
                return CaseType.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(line, "caseType", "INVALID",
                        "须为 IMMEDIATE、PROMISED 或 REPORTED / Must be IMMEDIATE, PROMISED or REPORTED, was " + value));
                return null;
            }
        }

        boolean bool(String column) {
            String value = text(column).toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            errors.add(new RowError(line, column, "INVALID", "须为 true 或 false / Must be true or false, was " + value));
            return false;
        }
    }

    /**
     * RFC 4180 records (Commons CSV): quoted fields may hold commas, doubled quotes and line breaks. Empty lines stay
     * records of one empty field, so that the numbers in the errors count every line of the file.
     */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException ex) {
            int line = records.size() + 1;
            throw new CatalogueRejected(List.of(new RowError(line, "row", "MALFORMED",
                    "无法读取的CSV（引号未闭合或引号后有多余字符）/ Not readable as CSV (a quote not closed, or text after "
                            + "a closing quote)")));
        }
        return records;
    }
}
