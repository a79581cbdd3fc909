//! "Did you mean": the names closest to what was typed, by edit distance.

/// Levenshtein distance in characters.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Up to `n` candidates within a third of the typed length (at least 2
/// edits), closest first, without duplicates.
pub(crate) fn closest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<String> {
    let limit = (typed.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> =
        candidates.into_iter().map(|c| (distance(typed, c), c)).filter(|(d, _)| *d <= limit).collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, c)| c.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_far_ones_not() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        let names = ["toygres-db-09", "toygres-db-19", "toygres-db-10", "other", "toygres-db-09"];
        assert_eq!(closest("toygres-db-9", names, 2), vec!["toygres-db-09", "toygres-db-19"]);
        assert!(!closest("toygres-db-9", names, 5).contains(&"other".to_string()));
        assert!(closest("zzz", names, 3).is_empty());
    }
}
