//! The one definition of the scores every eval reports: ratios, F1 and overlap.

use std::collections::HashSet;

/// `a / b`, and 0 when there is nothing to divide by (no prediction, no gold).
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// F1, the harmonic mean of precision and recall; 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Counts of one exact-match evaluation: true positives among the predicted and the
/// gold items.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// Jaccard overlap of two sets of positions; 0 when both are empty.
pub fn jaccard(a: &[usize], b: &[usize]) -> f64 {
    let a: HashSet<usize> = a.iter().copied().collect();
    let inter = b.iter().filter(|p| a.contains(p)).count();
    let union = a.len() + b.len() - inter;
    ratio(inter, union)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_and_f1_are_zero_without_data() {
        assert_eq!(ratio(3, 0), 0.0);
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn counts_give_precision_recall_and_f1() {
        let c = Counts {
            correct: 2,
            predicted: 4,
            gold: 2,
        };
        assert_eq!(c.precision(), 0.5);
        assert_eq!(c.recall(), 1.0);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn jaccard_counts_shared_positions_over_all() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&[1], &[1]), 1.0);
    }
}
