package org.jijukirwa.dashboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.dashboard.testing.JsonNodes.fieldNames;
import static org.jijukirwa.dashboard.testing.JsonNodes.texts;

/**
 * GET /api/v1/reference over SnapshotFixture's reference data: the 30 districts of the contract, 15 value chains,
 * 11 topics (labelled with their code's words), targets of 29 cooperatives and 3 sessions per district and 214
 * registrations programme-wide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceControllerTest
{
    private String snapshot;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("reference", warehouse -> snapshot = SnapshotFixture.smallProgramme().publishTo(warehouse));

    @Test
    void anyoneReadsTheSnapshotsReferenceData()
    {
        ApiClient.Response response = server.api().get("/api/v1/reference");

        assertThat(response.status()).isEqualTo(200);
        JsonNode reference = response.json();
        assertThat(fieldNames(reference)).containsExactly("snapshot", "provinces", "value_chains", "topics", "sexes", "age_bands", "targets",
                "small_cell_threshold");
        assertThat(reference.get("snapshot").asText()).isEqualTo(snapshot);

        // provinces in NISR order, each with its districts in NISR order
        JsonNode provinces = reference.get("provinces");
        assertThat(texts(provinces, "province", "province_code")).containsExactly(
                "Kigali City 1", "Southern 2", "Western 3", "Northern 4", "Eastern 5");
        assertThat(texts(provinces.get(0).get("districts"), "district", "district_code"))
                .containsExactly("Nyarugenge 11", "Gasabo 12", "Kicukiro 13");
        assertThat(provinces.get(1).get("districts")).hasSize(8);
        assertThat(provinces.get(2).get("districts")).hasSize(7);
        assertThat(provinces.get(3).get("districts")).hasSize(5);
        assertThat(texts(provinces.get(4).get("districts"), "district")).endsWith("Ngoma", "Bugesera");

        JsonNode valueChains = reference.get("value_chains");
        assertThat(valueChains).hasSize(15);
        assertThat(valueChains.get(0).toString()).isEqualTo("{\"value_chain\":\"tailoring\",\"label\":\"Tailoring and garment making\"}");
        assertThat(texts(valueChains, "value_chain")).endsWith("small_trade", "produce_vending");

        JsonNode topics = reference.get("topics");
        assertThat(topics).hasSize(11);
        assertThat(topics.get(0).toString()).isEqualTo("{\"topic\":\"cooperative_principles\",\"label\":\"cooperative principles\"}");

        assertThat(reference.get("sexes").toString()).isEqualTo("[\"F\",\"M\",\"U\"]");
        assertThat(reference.get("age_bands").toString()).isEqualTo("[\"16-30\",\"31-45\",\"46-60\",\"61+\",\"unknown\"]");

        // 30 formation targets, the programme-wide registration target, 30 training targets; programme-wide first within a target
        JsonNode targets = reference.get("targets");
        assertThat(targets).hasSize(61);
        assertThat(texts(targets, "target", "district", "district_code", "value")).startsWith(
                "coops_formed Nyarugenge 11 29.0", "coops_formed Gasabo 12 29.0");
        assertThat(targets.get(30).toString())
                .isEqualTo("{\"target\":\"coops_registered\",\"district\":null,\"district_code\":null,\"value\":214.0}");
        assertThat(texts(targets, "target", "district", "value")).endsWith("training_sessions Bugesera 3.0");

        // the k of the public view, as a number the front end reads
        assertThat(reference.get("small_cell_threshold").isInt()).isTrue();
        assertThat(reference.get("small_cell_threshold").asInt()).isEqualTo(5);
    }
}
