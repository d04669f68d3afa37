package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The catalogue file as Commons CSV reads it (RFC 4180), with the line numbers the errors name. */
class CatalogueCsvTest {

    static final String HEADER = "itemCode,name,departmentCode,caseType,statutoryLimitWorkingDays,"
            + "promisedLimitWorkingDays,acceptanceLimitWorkingDays,reviewLimitWorkingDays,decisionLimitWorkingDays,"
            + "maxStopWorkingDays,onlineRequired\r\n";

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaksAndABlankLineIsSkipped() {
        List<CatalogueRow> rows = CatalogueCsv.parse("\uFEFF" + HEADER
                + "GD-EDU-1,\"办学许可, \"\"民办\"\"\nsecond line\",GD-EDU,PROMISED,20,10,,,,,true\r\n"
                + "\r\n"
                + "GD-EDU-2,plain,GD-EDU,IMMEDIATE,1,1,,,,,false\n");

        assertThat(rows).extracting(CatalogueRow::itemCode, CatalogueRow::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GD-EDU-1", "办学许可, \"民办\"\nsecond line"),
                        org.assertj.core.groups.Tuple.tuple("GD-EDU-2", "plain"));
    }

    @Test
    void aQuoteThatIsNeverClosedIsRefusedNotReadToTheEnd() {
        CatalogueRejected rejected = catchThrowableOfType(CatalogueRejected.class, () -> CatalogueCsv.parse(HEADER
                + "GD-EDU-1,\"never closed,GD-EDU,PROMISED,20,10,,,,,true\n"));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.code()).isEqualTo("MALFORMED");
        });
    }

    @Test
    void errorsNameTheLineOfTheFile() {
        CatalogueRejected rejected = catchThrowableOfType(CatalogueRejected.class, () -> CatalogueCsv.parse(HEADER
                + "GD-EDU-1,ok,GD-EDU,PROMISED,20,10,,,,,true\n"
                + "\n"
                + "GD-EDU-2,bad,GD-EDU,PROMISED,twenty,10,,,,,true\n"));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(4);
            assertThat(error.field()).isEqualTo("statutoryLimitWorkingDays");
            assertThat(error.code()).isEqualTo("NOT_A_NUMBER");
        });
    }
}
