package io.offloadctl.api.node;

import com.fasterxml.jackson.core.type.TypeReference;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.model.diagnose.Diagnosis;
import io.offloadctl.model.diagnose.Finding;
import io.offloadctl.model.diagnose.NodeSample;
import io.offloadctl.model.diagnose.RuleBook;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.DesiredState;
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

    void diagnose(NodeEntity node, NodeReport report, NodeReport previous, OffsetDateTime previousAt, OffsetDateTime now) {
        NodeSample sample = previous != null && previousAt != null && samples(previousAt, now)
                ? NodeSample.between(previous, report, Duration.between(previousAt, now).toNanos() / 1e9) : null;
        Map<String, DesiredInterface> desired = new TreeMap<>();
        json.read(node.desired, DesiredState.class).interfaces().forEach(i -> desired.put(i.name(), i));
        List<Finding> found = diagnosis.run(report, sample, desired);
        String text = json.write(found);
        if (!text.equals(node.findings)) {
            node.findings = text;
            node.findingCount = found.size();
        }
    }

    List<Finding> of(NodeEntity node) {
        return node.findings == null ? List.of() : json.read(node.findings, FINDINGS_TYPE);
    }
}
