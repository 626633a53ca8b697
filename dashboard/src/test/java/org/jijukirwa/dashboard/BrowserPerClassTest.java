package org.jijukirwa.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

/** A test class of pages in one real browser: started before the class's first test, closed after its last. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserPerClassTest
{
    Browser browser;

    @BeforeAll
    void startBrowser()
            throws IOException
    {
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser()
            throws IOException
    {
        if (browser != null) {
            browser.close();
        }
    }
}
