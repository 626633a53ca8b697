package org.jijukirwa.dashboard.export;

import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large export streams: while the client has read only its beginning, the server holds a bounded amount
 * of memory, far less than the answer. Measured on the heap after a garbage collection and in the direct buffers;
 * no timings. (Holding the whole body before sending it shows as over 20 MB of heap here.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportStreamingTest
{
    private static final List<String> VALUE_CHAINS = List.of("tailoring", "hairdressing", "carpentry", "welding", "masonry",
            "moto_transport", "bicycle_transport", "handcraft", "food_processing", "catering", "mechanics", "electronics_repair",
            "shoe_making", "small_trade", "produce_vending");
    /** 30 districts x 15 value chains x 2 sexes x 234 months (2001-01 to 2020-06). */
    private static final int ROWS = 30 * 15 * 2 * 234;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("streaming", ExportStreamingTest::publishProgramme)
            // more cells than the default bound of an export (200,000): what is measured here is the memory of streaming
            .withProperty("jijukirwa.warehouse.max-export-cells", "250000");

    private static void publishProgramme(Path warehouse)
            throws IOException
    {
        SnapshotFixture fixture = SnapshotFixture.contractReference("2020-06-30");
        int number = 0;
        for (List<String> district : SnapshotFixture.DISTRICTS) {
            for (String valueChain : VALUE_CHAINS) {
                String cooperative = "COOP-%04d".formatted(++number);
                fixture.cooperative(cooperative, district.get(0), valueChain, "2000-12-01", null).members(cooperative, 2, "2000-12-15");
            }
        }
        fixture.publishTo(warehouse);
    }

    @Test
    void aLargeCsvIsWrittenAsTheClientReadsIt()
            throws IOException
    {
        long heapBefore = heapAfterCollection();
        long directBefore = directBufferMemory();

        URL url = new URL("http://localhost:" + server.port()
                + "/api/v1/export/members_active.csv?by=district,value_chain,sex&grain=month&from=2001-01-01&to=2020-06-30");
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestProperty("Accept-Encoding", "identity");
        // as a manager, whose exact figures have a row for every cell (the public's protected counts of 1 would mostly be 0)
        String credentials = TestUsers.MANAGER + ":" + TestUsers.MANAGER_PASSWORD;
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try (InputStream body = connection.getInputStream()) {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            // streamed: the length is not known when the response starts
            assertThat(connection.getHeaderField("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(connection.getContentLengthLong()).isEqualTo(-1);

            byte[] start = body.readNBytes(64 * 1024);
            long heapHeld = heapAfterCollection() - heapBefore;
            long directHeld = directBufferMemory() - directBefore;

            long size = start.length;
            long lines = count(start);
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                size += read;
                lines += count(buffer, read);
            }
            System.out.printf("export of %d bytes; held mid-download: heap %d bytes, direct buffers %d bytes%n", size, heapHeld, directHeld);

            assertThat(lines).isEqualTo(ROWS + 1);
            // the rows as objects would take well over ten times the body; the body itself is over 9 MB
            assertThat(size).isGreaterThan(9_000_000);
            assertThat(heapHeld).isLessThan(size / 4);
            assertThat(directHeld).isLessThan(size / 4);
        }
        finally {
            connection.disconnect();
        }
    }

    private static long heapAfterCollection()
    {
        for (int round = 0; round < 3; round++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Direct buffers (where Netty keeps bytes on their way to the socket). */
    private static long directBufferMemory()
    {
        long used = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            used += pool.getMemoryUsed();
        }
        return used;
    }

    private static long count(byte[] bytes)
    {
        return count(bytes, bytes.length);
    }

    private static long count(byte[] bytes, int length)
    {
        long lines = 0;
        for (int index = 0; index < length; index++) {
            if (bytes[index] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
