package model

import (
	"encoding/json"
	"slices"
)

// VersionLabels is one version id with its stage labels.
type VersionLabels struct {
	ID     string
	Stages []string
}

// StageMap says which stage labels each version carries. A secret has a
// handful of labelled versions, so a slice serves where a map would cost
// several hundred bytes per secret at 100,000 secrets.
type StageMap []VersionLabels

// StageMapOf builds a StageMap from a map, in version id order.
func StageMapOf(m map[string][]string) StageMap {
	if len(m) == 0 {
		return nil
	}
	out := make(StageMap, 0, len(m))
	for id, stages := range m {
		out = append(out, VersionLabels{ID: id, Stages: slices.Clone(stages)})
	}
	slices.SortFunc(out, func(a, b VersionLabels) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return out
}

// Of returns the labels of version id and whether it is listed.
func (m StageMap) Of(id string) ([]string, bool) {
	for _, v := range m {
		if v.ID == id {
			return v.Stages, true
		}
	}
	return nil, false
}

// MarshalJSON writes the map as AWS does: {"version id": ["LABEL", …]}.
func (m StageMap) MarshalJSON() ([]byte, error) {
	out := make(map[string][]string, len(m))
	for _, v := range m {
		out[v.ID] = v.Stages
	}
	return json.Marshal(out)
}
