package org.opensupervision.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.opensupervision.approval.CatalogueRejected.RowError;
import org.opensupervision.department.DepartmentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval item catalogue (事项目录) and its versions. Loading a catalogue validates every row first and refuses the
 * whole of it on any bad row; a row whose rules changed becomes a new version, an unchanged one is left alone. New
 * cases take the latest version; a case keeps the version it started under.
 */
@Service
public class ApprovalCatalogue {

    private static final Logger log = LoggerFactory.getLogger(ApprovalCatalogue.class);
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_LIMIT = 366;
    private static final String COLUMNS = "id, item_code, version, name, department_code, case_type, statutory_limit_wd,"
            + " promised_limit_wd, acceptance_limit_wd, review_limit_wd, decision_limit_wd, max_stop_wd,"
            + " online_required, loaded_at, loaded_by";

    private final JdbcTemplate jdbc;
    private final DepartmentDirectory departments;
    private final ApprovalProperties properties;
    private final Clock clock;
    private final Map<Long, ApprovalItem> versions = new ConcurrentHashMap<>();
    private volatile Map<String, ApprovalItem> latest = Map.of();
    private volatile Instant latestReadAt = Instant.MIN;

    ApprovalCatalogue(JdbcTemplate jdbc, DepartmentDirectory departments, ApprovalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Loads a catalogue: every row valid, or nothing at all.
     *
     * @param rows     the items, in file order (row numbers in errors count from {@code firstRow})
     * @param firstRow the number of the first row (2 for a CSV file with a header line, 1 for a JSON list)
     * @param loadedBy who loads it
     * @return the versions created (unchanged items make none)
     * @throws CatalogueRejected naming every bad row and field
     */
    @Transactional
    public List<ApprovalItem> load(List<CatalogueRow> rows, int firstRow, String loadedBy) {
        List<RowError> errors = validate(rows, firstRow);
        if (!errors.isEmpty()) {
            throw new CatalogueRejected(errors);
        }
        Map<String, ApprovalItem> current = readLatest();
        Instant now = clock.instant();
        List<ApprovalItem> created = new ArrayList<>();
        for (CatalogueRow row : rows) {
            ApprovalItem previous = current.get(row.itemCode());
            CatalogueRow complete = withDefaults(row);
            if (previous != null && previous.sameRulesAs(complete)) {
                continue;
            }
            int version = previous == null ? 1 : previous.version() + 1;
            jdbc.update("insert into approval_item (item_code, version, name, department_code, case_type,"
                            + " statutory_limit_wd, promised_limit_wd, acceptance_limit_wd, review_limit_wd,"
                            + " decision_limit_wd, max_stop_wd, online_required, loaded_at, loaded_by)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    complete.itemCode(), version, complete.name(), complete.departmentCode(),
                    complete.caseType().name(), complete.statutoryLimitWorkingDays(),
                    complete.promisedLimitWorkingDays(), complete.acceptanceLimitWorkingDays(),
                    complete.reviewLimitWorkingDays(), complete.decisionLimitWorkingDays(),
                    complete.maxStopWorkingDays(), complete.onlineRequired(), Timestamp.from(now), loadedBy);
            created.add(readLatest(complete.itemCode()).orElseThrow());
        }
        latestReadAt = Instant.MIN;
        log.info("Catalogue loaded by {}: {} row(s), {} new version(s)", loadedBy, rows.size(), created.size());
        return created;
    }

    /** The latest version of every item, of one department or all (null), ordered by department and code. */
    public List<ApprovalItem> items(String departmentCode) {
        return jdbc.query("select " + COLUMNS + " from approval_item i where version = (select max(version)"
                        + " from approval_item v where v.item_code = i.item_code)"
                        + (departmentCode == null ? "" : " and department_code = ?")
                        + " order by department_code, item_code", this::item,
                departmentCode == null ? new Object[0] : new Object[] {departmentCode});
    }

    /** Every version of one item, oldest first. */
    public List<ApprovalItem> versions(String itemCode) {
        return jdbc.query("select " + COLUMNS + " from approval_item where item_code = ? order by version",
                this::item, itemCode);
    }

    /** Whether the catalogue holds no item yet. */
    public boolean isEmpty() {
        return jdbc.queryForObject("select count(*) from approval_item", Long.class) == 0;
    }

    /** The version cases starting now take, as this node last read it (at most {@code catalogue-refresh} old). */
    Optional<ApprovalItem> latest(String itemCode) {
        Instant now = clock.instant();
        if (latestReadAt.plus(properties.catalogueRefresh()).isBefore(now) || latestReadAt.isAfter(now)) {
            latest = readLatest();
            latestReadAt = now;
        }
        return Optional.ofNullable(latest.get(itemCode));
    }

    /** One version by its id (versions never change, so they are kept once read). */
    ApprovalItem version(long id) {
        return versions.computeIfAbsent(id, key -> jdbc.queryForObject(
                "select " + COLUMNS + " from approval_item where id = ?", this::item, key));
    }

    private Map<String, ApprovalItem> readLatest() {
        Map<String, ApprovalItem> byCode = new HashMap<>();
        for (ApprovalItem item : items(null)) {
            byCode.put(item.itemCode(), item);
        }
        return Map.copyOf(byCode);
    }

    private Optional<ApprovalItem> readLatest(String itemCode) {
        List<ApprovalItem> all = versions(itemCode);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private CatalogueRow withDefaults(CatalogueRow row) {
        return new CatalogueRow(row.itemCode(), row.name().strip(), row.departmentCode(), row.caseType(),
                row.statutoryLimitWorkingDays(), row.promisedLimitWorkingDays(), row.acceptanceLimitWorkingDays(),
                row.reviewLimitWorkingDays(), row.decisionLimitWorkingDays(),
                row.maxStopWorkingDays() != null ? row.maxStopWorkingDays() : properties.defaultMaxStopWorkingDays(),
                row.onlineRequired());
    }

    private List<RowError> validate(List<CatalogueRow> rows, int firstRow) {
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new RowError(firstRow, "items", "EMPTY", "目录为空 / The catalogue has no item"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            CatalogueRow row = rows.get(i);
            int n = firstRow + i;
            if (row.itemCode() == null || !ITEM_CODE.matcher(row.itemCode()).matches()) {
                errors.add(new RowError(n, "itemCode", "INVALID",
                        "事项编码须为1-64位字母、数字、点、横线或下划线 / The item code must be 1-64 letters, digits, '.', '-' or '_'"));
            } else if (!seen.add(row.itemCode())) {
                errors.add(new RowError(n, "itemCode", "DUPLICATE",
                        "事项编码在本文件中重复 / The item code appears twice in this file: " + row.itemCode()));
            }
            if (row.name() == null || row.name().isBlank() || row.name().length() > 200
                    || row.name().chars().anyMatch(Character::isISOControl)) {
                errors.add(new RowError(n, "name", "INVALID",
                        "事项名称须为1-200个字符，不含控制字符 / The name must have 1-200 characters and no control characters"));
            }
            if (row.departmentCode() == null || departments.find(row.departmentCode()).isEmpty()) {
                errors.add(new RowError(n, "departmentCode", "UNKNOWN_DEPARTMENT",
                        "未知部门 / Unknown department: " + row.departmentCode()));
            }
            if (row.caseType() == null) {
                errors.add(new RowError(n, "caseType", "INVALID",
                        "办件类型须为 IMMEDIATE、PROMISED 或 REPORTED / The case type must be IMMEDIATE, PROMISED or REPORTED"));
            }
            limit(errors, n, "statutoryLimitWorkingDays", row.statutoryLimitWorkingDays(), 0);
            limit(errors, n, "promisedLimitWorkingDays", row.promisedLimitWorkingDays(), 0);
            if (row.promisedLimitWorkingDays() > row.statutoryLimitWorkingDays()) {
                errors.add(new RowError(n, "promisedLimitWorkingDays", "OVER_STATUTORY",
                        "承诺时限不得超过法定时限 / The promised limit must not exceed the statutory limit"));
            }
            if (row.caseType() != null && row.caseType() != CaseType.IMMEDIATE && row.promisedLimitWorkingDays() < 1) {
                errors.add(new RowError(n, "promisedLimitWorkingDays", "INVALID",
                        "承诺件、上报件的承诺时限至少1个工作日 / A promised or reported item needs a promised limit of at least 1 working day"));
            }
            optionalLimit(errors, n, "acceptanceLimitWorkingDays", row.acceptanceLimitWorkingDays());
            optionalLimit(errors, n, "reviewLimitWorkingDays", row.reviewLimitWorkingDays());
            optionalLimit(errors, n, "decisionLimitWorkingDays", row.decisionLimitWorkingDays());
            if (row.maxStopWorkingDays() != null) {
                limit(errors, n, "maxStopWorkingDays", row.maxStopWorkingDays(), 1);
            }
        }
        return errors;
    }

    private static void optionalLimit(List<RowError> errors, int row, String field, Integer value) {
        if (value != null) {
            limit(errors, row, field, value, 1);
        }
    }

    private static void limit(List<RowError> errors, int row, String field, int value, int min) {
        if (value < min || value > MAX_LIMIT) {
            errors.add(new RowError(row, field, "OUT_OF_RANGE", "须在" + min + "到" + MAX_LIMIT
                    + "个工作日之间 / Must be between " + min + " and " + MAX_LIMIT + " working days, was " + value));
        }
    }

    private ApprovalItem item(ResultSet rs, int rowNum) throws SQLException {
        return new ApprovalItem(rs.getLong("id"), rs.getString("item_code"), rs.getInt("version"), rs.getString("name"),
                rs.getString("department_code"), CaseType.valueOf(rs.getString("case_type")),
                rs.getInt("statutory_limit_wd"), rs.getInt("promised_limit_wd"),
                (Integer) rs.getObject("acceptance_limit_wd", Integer.class),
                rs.getObject("review_limit_wd", Integer.class), rs.getObject("decision_limit_wd", Integer.class),
                rs.getInt("max_stop_wd"), rs.getBoolean("online_required"),
                rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"));
    }
}
