// extract/text/segment_internal.h (private to extract/): the structure of a press text.
//
// Paragraphs (line breaks), sentences (。！？；and line ends), enumeration
// items (一是…二是…, （一）…, 1. …) with their headings, and the speaker turns
// of press transcripts ("…总队长杨义：" opens a turn that lasts until the next
// speaker). All offsets are code points of the normalised text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace govkg::internal {

struct TextRange {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Sentence {
  TextRange range;
  int paragraph = 0;  // index into Segmentation::paragraphs
};

struct Paragraph {
  TextRange range;
  int speaker_turn = -1;  // index into Segmentation::turns, or -1
  int enumeration = -1;   // index into Segmentation::items, or -1
};

// "一是精心组织开展“护校安园”专项行动。" — the item's marker and its heading
// (the first sentence after the marker).
struct EnumerationItem {
  TextRange marker;   // 一是 / （一） / 1.
  TextRange heading;  // the first clause or sentence of the item
  int ordinal = 0;    // 1, 2, 3 …
  // Nesting in the outline: the first numbering style of a turn is 0, a
  // different style under it 1 (一、 → （一） → 1.), items inside a
  // paragraph one deeper than the paragraph's own item.
  int level = 0;
  // Added by the text layer (additive):
  // The item's text: from its marker to the next inline sibling or the end
  // of its paragraph.
  TextRange body;
  int paragraph = -1;  // index into Segmentation::paragraphs
  // For an item inside a paragraph ("二是…。一是强化联动协作。"), the item
  // that opens that paragraph, or -1.
  int parent = -1;
};

// "自治区公安厅治安管理总队总队长杨义：" — who speaks from here on.
struct SpeakerTurn {
  TextRange label;    // the whole label before the colon
  TextRange speaker;  // the part naming the person (杨义), may be empty
  TextRange start_to_end;  // the text of the turn: after the colon to the
                           // end of the paragraph before the next label
};

struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<EnumerationItem> items;
  std::vector<SpeakerTurn> turns;
};

Segmentation Segment(const std::u32string& normalized_text);

}  // namespace govkg::internal
