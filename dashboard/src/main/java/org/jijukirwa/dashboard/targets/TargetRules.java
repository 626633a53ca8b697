package org.jijukirwa.dashboard.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a set of targets sent to PUT /api/v1/targets must be: {@code {"targets": [{"target", "district", "value"}]}},
 * each target one the bundled targets file names, each district a district of the reference list (its English name or
 * NISR code; null or absent for a programme-wide target), each value a whole number from {@value #MINIMUM} to
 * {@value #MAXIMUM}, and each target and district at most once. Anything else is refused with a sentence.
 */
@Singleton
public final class TargetRules
{
    static final long MINIMUM = 1;
    static final long MAXIMUM = 100_000;
    private static final Set<String> FIELDS = Set.of("target", "district", "value");

    private final BundledReference bundled;
    private final ObjectMapper json = new ObjectMapper();

    public TargetRules(BundledReference bundled)
    {
        this.bundled = bundled;
    }

    public List<ProgrammeTarget> parse(String body)
    {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JsonProcessingException e) {
            throw new TargetsRejectedException("The body is not JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject() || !root.path("targets").isArray()) {
            throw new TargetsRejectedException("Send a JSON object with a \"targets\" list: {\"targets\": [{\"target\": \"coops_formed\", "
                    + "\"district\": \"Gasabo\", \"value\": 29}]}.", "targets");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("targets")) {
                throw new TargetsRejectedException("'" + name + "' is not a field of the targets; send only \"targets\".", name);
            }
        }
        if (root.get("targets").isEmpty()) {
            throw new TargetsRejectedException("Send at least one target: without any, no attainment could be computed.", "targets");
        }
        Map<String, String> districts = districtAliases();
        List<String> names = bundled.targetNames();
        Map<String, Integer> seen = new HashMap<>();
        List<ProgrammeTarget> targets = new ArrayList<>();
        for (int i = 0; i < root.get("targets").size(); i++) {
            JsonNode entry = root.get("targets").get(i);
            String at = "targets[" + i + "]";
            if (!entry.isObject()) {
                throw new TargetsRejectedException("Target " + (i + 1) + " is not an object with target, district and value.", at);
            }
            for (Iterator<String> fields = entry.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!FIELDS.contains(field)) {
                    throw new TargetsRejectedException("Target " + (i + 1) + ": '" + field + "' is not a field of a target; send target, district and value.",
                            at + "." + field);
                }
            }
            JsonNode name = entry.path("target");
            if (!name.isTextual() || !names.contains(name.asText())) {
                throw new TargetsRejectedException("Target " + (i + 1) + ": " + (name.isMissingNode() || name.isNull() ? "the target is missing"
                        : "'" + name.asText() + "' is not a target") + "; the targets are " + String.join(", ", names) + ".", at + ".target");
            }
            JsonNode district = entry.path("district");
            String districtCode = null;
            if (!district.isMissingNode() && !district.isNull() && !(district.isTextual() && district.asText().isBlank())) {
                districtCode = district.isTextual() ? districts.get(district.asText().strip().toLowerCase(Locale.ROOT)) : null;
                if (districtCode == null) {
                    throw new TargetsRejectedException("Target " + (i + 1) + ": '" + district.asText() + "' is not one of the 30 districts "
                            + "(give its name or NISR code, or null for a programme-wide target).", at + ".district");
                }
            }
            JsonNode value = entry.path("value");
            String place = districtCode == null ? "the programme" : bundled.districtName(districtCode);
            if (!value.isNumber() || !value.canConvertToExactIntegral()) {
                throw new TargetsRejectedException("Target " + (i + 1) + " (" + name.asText() + ", " + place + "): the value must be a whole number, not "
                        + (value.isMissingNode() ? "missing" : value.toString()) + ".", at + ".value");
            }
            if (!value.canConvertToLong() || value.asLong() < MINIMUM || value.asLong() > MAXIMUM) {
                throw new TargetsRejectedException("Target " + (i + 1) + " (" + name.asText() + ", " + place + "): " + value.asText()
                        + " is not a plausible target; give a whole number from " + MINIMUM + " to " + String.format(Locale.ROOT, "%,d", MAXIMUM)
                        + ", or leave the cell empty for no target.", at + ".value");
            }
            ProgrammeTarget target = new ProgrammeTarget(name.asText(), districtCode, value.asLong());
            Integer earlier = seen.putIfAbsent(target.key(), i);
            if (earlier != null) {
                throw new TargetsRejectedException("Targets " + (earlier + 1) + " and " + (i + 1) + " are both " + name.asText() + " for " + place
                        + ": give each target once per district and once for the programme.", at);
            }
            targets.add(target);
        }
        return targets;
    }

    /** Lower-case English name and NISR code -> NISR code. */
    private Map<String, String> districtAliases()
    {
        Map<String, String> aliases = new HashMap<>();
        bundled.districts().forEach((code, name) -> {
            aliases.put(code, code);
            aliases.put(name.toLowerCase(Locale.ROOT), code);
        });
        return aliases;
    }
}
