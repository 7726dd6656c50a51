/// What `graddiff --version` prints: the version, then the licence in the GNU form.
///
/// graddiff uses GNU readline, which is GPL-3.0-or-later, so the binary is distributed
/// under the same licence; LICENSE holds its text. `make deb` takes the package version
/// from the first line.
enum VersionText {
    static let number = "0.1.0"

    static let text = """
        graddiff \(number)
        Copyright (C) 2026 the graddiff authors.
        License GPL-3.0-or-later: GNU GPL version 3 or later <https://www.gnu.org/licenses/gpl-3.0.html>.
        This is free software: you are free to change and redistribute it.
        There is NO WARRANTY, to the extent permitted by law.
        """
}
