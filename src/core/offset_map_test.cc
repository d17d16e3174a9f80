#include "letapis/offset_map.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

// Derived "a-b" from source "a\xE2\x80\x93b" (an en dash folded to '-').
OffsetMap DashMap() {
  OffsetMap map;
  map.Add(0);
  map.Add(1);
  map.Add(4);
  map.Finish(5);
  return map;
}

TEST(OffsetMapTest, IdentityMapsOffsetsToThemselves) {
  const OffsetMap map = OffsetMap::Identity(10);
  EXPECT_TRUE(map.identity());
  EXPECT_EQ(map.size(), 10u);
  EXPECT_EQ(map.ToSource(0), 0u);
  EXPECT_EQ(map.ToSource(7), 7u);
  EXPECT_EQ(map.EndToSource(7), 7u);
  EXPECT_EQ(map.ToSource(10), 10u);
}

TEST(OffsetMapTest, ExplicitMapUsesRecordedOffsets) {
  const OffsetMap map = DashMap();
  EXPECT_FALSE(map.identity());
  EXPECT_EQ(map.size(), 3u);
  EXPECT_EQ(map.ToSource(0), 0u);
  EXPECT_EQ(map.ToSource(1), 1u);
  EXPECT_EQ(map.ToSource(2), 4u);
  EXPECT_EQ(map.ToSource(3), 5u);
}

TEST(OffsetMapTest, EndCoversWholeMultiByteSource) {
  const OffsetMap map = DashMap();
  EXPECT_EQ(map.EndToSource(0), 0u);
  EXPECT_EQ(map.EndToSource(1), 1u);
  EXPECT_EQ(map.EndToSource(2), 4u);  // the '-' ends after the three-byte dash
  EXPECT_EQ(map.EndToSource(3), 5u);
}

TEST(OffsetMapTest, EndSkipsDerivedBytesSharingASource) {
  // "x\n\ny": both newlines stand for source [1, 9); 'y' is at 9.
  OffsetMap map;
  map.Add(0);
  map.Add(1);
  map.Add(1);
  map.Add(9);
  map.Finish(10);
  EXPECT_EQ(map.EndToSource(1), 1u);
  EXPECT_EQ(map.EndToSource(2), 9u);
  EXPECT_EQ(map.EndToSource(3), 9u);
  EXPECT_EQ(map.EndToSource(4), 10u);
}

TEST(OffsetMapTest, EndFallsBackToFinalEntry) {
  OffsetMap map;
  map.Add(3);
  map.Add(3);
  map.Finish(3);
  EXPECT_EQ(map.EndToSource(1), 3u);
  EXPECT_EQ(map.EndToSource(2), 3u);
}

TEST(OffsetMapTest, EmptyExplicitMap) {
  OffsetMap map;
  map.Finish(4);
  EXPECT_FALSE(map.identity());
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.ToSource(0), 4u);
  EXPECT_EQ(map.EndToSource(0), 4u);
}

TEST(OffsetMapTest, ComposeTwoIdentitiesStaysIdentity) {
  const OffsetMap composed = OffsetMap::Identity(5).ComposeWith(OffsetMap::Identity(5));
  EXPECT_TRUE(composed.identity());
  EXPECT_EQ(composed.size(), 5u);
}

TEST(OffsetMapTest, ComposeWithIdentityOuterKeepsInner) {
  const OffsetMap composed = DashMap().ComposeWith(OffsetMap::Identity(5));
  EXPECT_FALSE(composed.identity());
  EXPECT_EQ(composed.size(), 3u);
  EXPECT_EQ(composed.ToSource(2), 4u);
}

TEST(OffsetMapTest, ComposeMapsThroughOuter) {
  // outer: "a\xE2\x80\x93b" (5 bytes) came from "<p>a\xE2\x80\x93b</p>" (offset 3).
  OffsetMap outer;
  for (uint32_t i = 0; i < 5; ++i) outer.Add(3 + i);
  outer.Finish(8);
  const OffsetMap composed = DashMap().ComposeWith(outer);
  EXPECT_EQ(composed.size(), 3u);
  EXPECT_EQ(composed.ToSource(0), 3u);
  EXPECT_EQ(composed.ToSource(1), 4u);
  EXPECT_EQ(composed.ToSource(2), 7u);
  EXPECT_EQ(composed.EndToSource(2), 7u);
  EXPECT_EQ(composed.EndToSource(3), 8u);

  const OffsetMap through_identity = OffsetMap::Identity(5).ComposeWith(outer);
  EXPECT_FALSE(through_identity.identity());
  EXPECT_EQ(through_identity.size(), 5u);
  EXPECT_EQ(through_identity.ToSource(5), 8u);
}

}  // namespace
}  // namespace letapis
