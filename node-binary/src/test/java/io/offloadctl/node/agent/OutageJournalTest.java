package io.offloadctl.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.offloadctl.client.model.Enactment;
import io.offloadctl.client.model.Result;

/** The outage journal: in order, on disk as 0600, across restarts, bounded with a count of what it dropped. */
class OutageJournalTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Enactment enactment(int n) {
        return new Enactment().revision(1L).result(Result.APPLIED).message("repaired drift " + n)
                .at(OffsetDateTime.ofInstant(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(n), ZoneOffset.UTC));
    }

    @Test
    void entriesKeepTheirOrderAndTimesAcrossARestartInAPrivateFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("desired-journal.json");
        OutageJournal journal = new OutageJournal(file, MAPPER);
        journal.append(enactment(1));
        journal.append(enactment(2));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("2026-12-01T10:00:01Z"), Files.readString(file));

        OutageJournal reopened = new OutageJournal(file, MAPPER);
        assertEquals(2, reopened.size());
        assertEquals("repaired drift 1", reopened.oldest().getMessage());
        reopened.removeOldest();
        assertEquals("repaired drift 2", reopened.oldest().getMessage());
        assertEquals(OffsetDateTime.parse("2026-12-01T10:00:02Z"), reopened.oldest().getAt());
        reopened.removeOldest();
        assertNull(reopened.oldest());
        assertEquals(0, new OutageJournal(file, MAPPER).size());
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void beyondItsBoundTheOldestGoAndTheNextPostedSaysHowMany(@TempDir Path directory) {
        OutageJournal journal = new OutageJournal(directory.resolve("j.json"), MAPPER);
        for (int i = 0; i < OutageJournal.LIMIT + 3; i++) {
            journal.append(enactment(i));
        }
        assertEquals(OutageJournal.LIMIT, journal.size());
        assertTrue(journal.oldest().getMessage().startsWith("repaired drift 3 (3 older enactments were dropped"),
                journal.oldest().getMessage());
        journal.removeOldest();
        assertEquals("repaired drift 4", journal.oldest().getMessage());
    }

    @Test
    void aJournalThatDoesNotReadIsKeptAsideAndStartedAfresh(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("j.json");
        Files.writeString(file, "{\"entries\": [tru");
        OutageJournal journal = new OutageJournal(file, MAPPER);
        assertEquals(0, journal.size());
        assertTrue(Files.exists(directory.resolve("j.json.unreadable")));
        journal.append(enactment(1));
        assertEquals(1, new OutageJournal(file, MAPPER).size());
    }

    @Test
    void contestsCountRepairsWithinTheirWindow() {
        Contests contests = new Contests(3, Duration.ofSeconds(10));
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertTrue(contests.mayRepair("eno1", "rx-gro", t.plusSeconds(i)));
            contests.repaired("eno1", "rx-gro", t.plusSeconds(i));
        }
        assertTrue(!contests.mayRepair("eno1", "rx-gro", t.plusSeconds(5)), "a fourth drift within 10 s is a fight");
        assertTrue(contests.declare("eno1", "rx-gro", false, t.plusSeconds(5)));
        assertTrue(!contests.declare("eno1", "rx-gro", false, t.plusSeconds(6)), "declared once");
        assertEquals(3, contests.contested().get(0).repairs());
        assertTrue(contests.isContested("eno1", "rx-gro"));
        assertTrue(contests.mayRepair("eno1", "rx-gro", t.plusSeconds(12)), "repairs older than the window no longer count");
        assertTrue(contests.mayRepair("eno1", "tx-generic-segmentation", t.plusSeconds(5)), "per feature");
        contests.forget("eno1");
        assertTrue(contests.contested().isEmpty());
    }
}
