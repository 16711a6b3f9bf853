package se.kommun.moderation.archive.packages.domain;

/** A built package: the zip and what it holds. */
public record BuiltPackage(String objid, byte[] zip, String sha256, int files, int records, int versions, int threads,
        int evidence) {
}
