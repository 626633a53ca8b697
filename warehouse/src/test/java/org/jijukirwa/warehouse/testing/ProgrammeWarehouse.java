package org.jijukirwa.warehouse.testing;

import org.jijukirwa.warehouse.WarehouseSettings;

/**
 * A warehouse serving {@link ProgrammeFixture#programme}, opened once for a test class:
 * {@code @RegisterExtension static final ProgrammeWarehouse programme = new ProgrammeWarehouse();}
 */
public final class ProgrammeWarehouse
        extends FixtureWarehouse
{
    /** The secret of the public rounding in the warehouse tests. */
    public static final String DISCLOSURE_SECRET = "test-disclosure-secret";

    public ProgrammeWarehouse()
    {
        super(root -> ProgrammeFixture.programme(root).publish(), WarehouseSettings.defaults().withDisclosureSecret(DISCLOSURE_SECRET));
    }
}
