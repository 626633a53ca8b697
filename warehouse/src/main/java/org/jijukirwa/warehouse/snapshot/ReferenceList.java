package org.jijukirwa.warehouse.snapshot;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The reference data of the served snapshot, as the API names it: provinces in NISR order with their
 * districts, value chains and topics in the order of the snapshot's reference files, the sex codes and
 * age bands of the member dimensions, and the targets.
 */
public record ReferenceList(String snapshot, List<Province> provinces, List<Labelled> valueChains, List<Labelled> topics,
        List<String> sexes, List<String> ageBands, List<Target> targets)
{
    public ReferenceList
    {
        requireNonNull(snapshot, "snapshot is null");
        provinces = List.copyOf(requireNonNull(provinces, "provinces is null"));
        valueChains = List.copyOf(requireNonNull(valueChains, "valueChains is null"));
        topics = List.copyOf(requireNonNull(topics, "topics is null"));
        sexes = List.copyOf(requireNonNull(sexes, "sexes is null"));
        ageBands = List.copyOf(requireNonNull(ageBands, "ageBands is null"));
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
    }

    /** A province (English name, NISR code "1".."5") and its districts in NISR order. */
    public record Province(String name, String code, List<District> districts)
    {
        public Province
        {
            requireNonNull(name, "name is null");
            requireNonNull(code, "code is null");
            districts = List.copyOf(requireNonNull(districts, "districts is null"));
        }
    }

    /** A district: English name and two-digit NISR code. */
    public record District(String name, String code)
    {
        public District
        {
            requireNonNull(name, "name is null");
            requireNonNull(code, "code is null");
        }
    }

    /** A value chain or a training topic: its code and its English label. */
    public record Labelled(String code, String label)
    {
        public Labelled
        {
            requireNonNull(code, "code is null");
            requireNonNull(label, "label is null");
        }
    }

    /** A target of an indicator for one district, or programme-wide when the district is empty. */
    public record Target(String target, Optional<District> district, double value)
    {
        public Target
        {
            requireNonNull(target, "target is null");
            requireNonNull(district, "district is null");
        }
    }
}
