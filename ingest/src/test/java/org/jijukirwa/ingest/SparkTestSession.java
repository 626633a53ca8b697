package org.jijukirwa.ingest;

import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test JVM. */
final class SparkTestSession
{
    private static SparkSession session;

    private SparkTestSession()
    {
    }

    static synchronized SparkSession get()
    {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("ingest-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", IngestJob.TIME_ZONE)
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }
}
