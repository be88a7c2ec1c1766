package io.offloadctl.api.node;

import com.fasterxml.jackson.core.type.TypeReference;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.model.diagnose.Diagnosis;
import io.offloadctl.model.diagnose.Finding;
import io.offloadctl.model.diagnose.NodeSample;
import io.offloadctl.model.diagnose.RuleBook;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.DesiredState;
import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.NodeReport;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the shared diagnostic rules (the same rules.yaml as offloadctl doctor) over a node's report.
 * The counters of the previous report and the time between the two make the sample the symptom
 * rules need; the node's desired state tells which policies want fixed features.
 */
@ApplicationScoped
public class NodeFindings {

    public static final TypeReference<List<Finding>> FINDINGS_TYPE = new TypeReference<>() {
    };

    private final JsonCodec json;
    private final Diagnosis diagnosis = new Diagnosis(RuleBook.builtIn());
    private final Duration shortestSample;
    private final Duration longestSample;

    /**
     * @param shortestSample reports closer together than this make no sample (a restarted agent's
     *                       quick second report would turn one dropped packet into a rate)
     * @param longestSample  reports further apart than this make no sample either (an average over
     *                       hours says nothing about now)
     */
    public NodeFindings(JsonCodec json,
                        @ConfigProperty(name = "offloadctl.findings.shortest-sample") Duration shortestSample,
                        @ConfigProperty(name = "offloadctl.findings.longest-sample") Duration longestSample) {
        this.json = json;
        this.shortestSample = shortestSample;
        this.longestSample = longestSample;
    }

    /** Whether two reports this far apart make a sample for the symptom rules. */
    boolean samples(OffsetDateTime previousAt, OffsetDateTime now) {
        Duration between = Duration.between(previousAt, now);
        return between.compareTo(shortestSample) >= 0 && between.compareTo(longestSample) <= 0 && !between.isZero();
    }

    /**
     * Whether the symptom rules must run over a report whose configuration is unchanged (and the
     * configuration be read for them), of two readings that make a sample ({@link #samples}): either
     * its counters could show a symptom on one of {@code interfaces} or the node has symptom findings
     * the sample may clear.
     */
    boolean symptomsToRun(int symptomFindings, NodeCounters before, OffsetDateTime previousAt, NodeCounters now,
                          OffsetDateTime at, java.util.Collection<String> interfaces) {
        return symptomFindings > 0 || diagnosis.mayFindSymptoms(
                NodeSample.between(before, now, Duration.between(previousAt, at).toNanos() / 1e9), interfaces);
    }

    void diagnose(NodeEntity node, NodeReport report, NodeReport previous, OffsetDateTime previousAt, OffsetDateTime now) {
        NodeSample sample = previous != null && previousAt != null && samples(previousAt, now)
                ? NodeSample.between(previous, report, Duration.between(previousAt, now).toNanos() / 1e9) : null;
        Map<String, DesiredInterface> desired = new TreeMap<>();
        json.read(node.desired, DesiredState.class).interfaces().forEach(i -> desired.put(i.name(), i));
        store(node, diagnosis.run(report, sample, desired));
    }

    /**
     * Between two reports of one configuration only the symptom rules can find anything new: they run
     * over the sample, and the other findings stand as they are.
     */
    void symptoms(NodeEntity node, NodeReport report, NodeReport previous, OffsetDateTime previousAt, OffsetDateTime now) {
        NodeSample sample = NodeSample.between(previous, report, Duration.between(previousAt, now).toNanos() / 1e9);
        List<Finding> symptoms = diagnosis.symptoms(report, sample, Map.of());
        if (symptoms.isEmpty() && node.symptomFindings == 0) {
            return;
        }
        List<Finding> found = new java.util.ArrayList<>(of(node).stream().filter(f -> !diagnosis.isSymptom(f)).toList());
        found.addAll(symptoms);
        store(node, found);
    }

    /** Stores the findings when they differ from the stored ones, with how many there are and how many are symptoms. */
    private void store(NodeEntity node, List<Finding> found) {
        String text = json.write(Diagnosis.sorted(found));
        if (!text.equals(node.findings)) {
            node.findings = text;
            node.findingCount = found.size();
            node.symptomFindings = (int) found.stream().filter(diagnosis::isSymptom).count();
        }
    }

    /**
     * After the node's desired state changed (a policy, a rollout wave): the rules that look at what
     * the node is and wants run again; the symptom findings of its last sample stand.
     */
    void placement(NodeEntity node, NodeReport report) {
        Map<String, DesiredInterface> desired = new TreeMap<>();
        json.read(node.desired, DesiredState.class).interfaces().forEach(i -> desired.put(i.name(), i));
        List<Finding> found = new java.util.ArrayList<>(of(node).stream().filter(diagnosis::isSymptom).toList());
        found.addAll(diagnosis.run(report, null, desired));
        store(node, found);
    }

    List<Finding> of(NodeEntity node) {
        return node.findings == null ? List.of() : json.read(node.findings, FINDINGS_TYPE);
    }
}
