package org.jijukirwa.dashboard;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks up a newly published snapshot without a restart: the ingest only renames CURRENT, so the server polls it. */
@Singleton
public final class SnapshotPoller
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPoller.class);

    private final Warehouse warehouse;
    private volatile String lastFailure;

    public SnapshotPoller(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Scheduled(fixedDelay = "${jijukirwa.warehouse.poll-interval:2s}", initialDelay = "${jijukirwa.warehouse.poll-interval:2s}")
    void refresh()
    {
        try {
            if (warehouse.refresh()) {
                LOG.info("Now serving snapshot {}", warehouse.snapshot().map(SnapshotInfo::id).orElse("(none)"));
            }
            lastFailure = null;
        }
        catch (RuntimeException e) {
            // the previous snapshot stays served and the next poll tries again; say so once, not every poll
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                LOG.warn("Could not load the snapshot that CURRENT names", e);
            }
            lastFailure = String.valueOf(e.getMessage());
        }
    }
}
