/** A cancelled review said plainly, as a status: the user chose it, and the text and any earlier review stay. */
export function cancelledReviewText(earlierReview: boolean): string {
  return earlierReview
    ? 'Review cancelled. The text is kept, and the last finished review is shown below.'
    : 'Review cancelled. The text is kept; review it again when you are ready.';
}
