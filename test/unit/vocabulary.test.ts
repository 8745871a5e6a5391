import { describe, expect, it } from "vitest";
import {
  ALERT_LABEL,
  alertLabel,
  INCIDENT_LABEL,
  incidentLabel,
  CLASSIFICATIONS,
  DETERMINATIONS_BY_CLASSIFICATION,
  isVocabularyComplete,
  LABEL_COLOR,
  LABEL_DESCRIPTION_MAX,
  LABEL_NAME_MAX,
  SEVERITIES,
  STATUSES,
  vocabulary,
} from "../../src/issue/vocabulary.ts";

// GitHub counts characters, not UTF-16 units.
const length = (text: string) => Array.from(text).length;

describe("the label vocabulary", () => {
  const labels = vocabulary();

  it.each(labels.map((label) => [label.name, label] as const))("%s is within GitHub's limits on a label", (_name, label) => {
    expect(length(label.name)).toBeGreaterThan(0);
    expect(length(label.name)).toBeLessThanOrEqual(LABEL_NAME_MAX);
    expect(length(label.description)).toBeLessThanOrEqual(LABEL_DESCRIPTION_MAX);
    expect(label.color).toMatch(LABEL_COLOR);
    expect(label.name.trim()).toBe(label.name);
  });

  it("uses GitHub's own limits: 50 characters of name, 100 of description, six hex digits of colour", () => {
    expect([LABEL_NAME_MAX, LABEL_DESCRIPTION_MAX]).toEqual([50, 100]);
    expect(["b60205", "D4C5F9"].every((color) => LABEL_COLOR.test(color))).toBe(true);
    expect(["#b60205", "b6020", "b602055", "red", "gggggg"].some((color) => LABEL_COLOR.test(color))).toBe(false);
  });

  it("names every label once, as GitHub compares names (case-insensitively)", () => {
    const names = labels.map((label) => label.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("holds every value SPEC.md names, in the API's spelling", () => {
    const expected = [
      ...SEVERITIES.map((severity) => `severity:${severity}`),
      ...STATUSES.map((status) => `status:${status}`),
      ...CLASSIFICATIONS.map((classification) => `classification:${classification}`),
      ...Object.values(DETERMINATIONS_BY_CLASSIFICATION).flat().map((determination) => `determination:${determination}`),
      INCIDENT_LABEL,
      ALERT_LABEL,
    ];
    expect(new Set(labels.map((label) => label.name))).toEqual(new Set(expected));
    expect(labels.filter((label) => /^(status|classification|determination):/.test(label.name))).toHaveLength(18);
  });

  it("gives every triage label a description that says what sync does with it", () => {
    for (const label of labels.filter((l) => /^(status|classification|determination):/.test(l.name))) expect(label.description).toMatch(/^Sync: /);
  });

  it("holds the incident label, so that an incident issue finds it made whatever group-by was when the set was made", () => {
    expect(INCIDENT_LABEL).toBe("defender-incident");
    expect(labels.filter((label) => label.name === INCIDENT_LABEL)).toEqual([incidentLabel()]);
  });

  it("ends with the alert label, whose description marks the set whole", () => {
    expect(labels.at(-1)).toEqual(alertLabel());
    expect(isVocabularyComplete(alertLabel().description)).toBe(true);
  });

  it("does not take an alert label made by GitHub, by hand or by an earlier version for a whole set", () => {
    expect(isVocabularyComplete(null)).toBe(false);
    expect(isVocabularyComplete("")).toBe(false);
    expect(isVocabularyComplete("Opened from a Microsoft Defender for Endpoint alert")).toBe(false);
    expect(isVocabularyComplete("Our own description")).toBe(false);
    // The set sealed before the incident label joined it: the next pull makes the incident label.
    expect(isVocabularyComplete("Opened from a Microsoft Defender alert · label set d7495f13")).toBe(false);
  });
});
