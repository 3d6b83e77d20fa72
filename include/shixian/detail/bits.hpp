// File: shixian/detail/bits.hpp — internal, not part of the API.
//
// Rank/select on 64-bit words: the two primitives behind the O(1)
// working-day arithmetic (used by the inline fast paths in calendar.hpp). Broadword versions (Vigna, "Broadword
// Implementation of Rank/Select Queries", 2008) so that no CPU extension is
// needed; the compiler's popcount is used where the target has one.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

namespace shixian::detail {

inline constexpr std::uint64_t kOnesStep8 = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighBits8 = 0x8080808080808080ULL;

constexpr int popcount64(std::uint64_t x) {
#if defined(__POPCNT__)
  return __builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * kOnesStep8) >> 56);
#endif
}

// kRankInByte[b * 8 + k]: set bits of byte b below bit k.
inline constexpr auto kRankInByte = [] {
  std::array<std::uint8_t, 256 * 8> table{};
  for (unsigned b = 0; b < 256; ++b) {
    for (unsigned k = 0; k < 8; ++k) table[b * 8 + k] = static_cast<std::uint8_t>(popcount64(b & ((1u << k) - 1)));
  }
  return table;
}();

// kSelectInByte[b][k]: position of the k-th set bit of byte b (0 when none).
inline constexpr auto kSelectInByte = [] {
  std::array<std::array<std::uint8_t, 8>, 256> table{};
  for (unsigned b = 0; b < 256; ++b) {
    unsigned k = 0;
    for (unsigned bit = 0; bit < 8; ++bit) {
      if ((b >> bit) & 1) table[b][k++] = static_cast<std::uint8_t>(bit);
    }
  }
  return table;
}();

/// Position [0, 63] of the k-th (0-based) set bit of x. Precondition: k < popcount64(x).
/// Branch-free: the bit's byte from byte-wise prefix counts, then a table.
constexpr int select64(std::uint64_t x, int k) {
#if defined(__BMI2__)
  if (!std::is_constant_evaluated()) return __builtin_ctzll(__builtin_ia32_pdep_di(1ULL << k, x));
#endif
  // Byte i of `cumulative` = set bits in bytes 0..i.
  std::uint64_t s = x - ((x >> 1) & 0x5555555555555555ULL);
  s = (s & 0x3333333333333333ULL) + ((s >> 2) & 0x3333333333333333ULL);
  s = (s + (s >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  const std::uint64_t cumulative = s * kOnesStep8;
  // High bit of byte i set iff cumulative_i > k; the answer's byte is the count of the others.
  const std::uint64_t greater =
      ((cumulative | kHighBits8) - kOnesStep8 * static_cast<std::uint64_t>(k + 1)) & kHighBits8;
  const int byte = static_cast<int>((((~greater & kHighBits8) >> 7) * kOnesStep8) >> 56);  // [0, 7]
  const int before = static_cast<int>(((cumulative << 8) >> (8 * byte)) & 0xFF);          // bits below the byte
  return 8 * byte + kSelectInByte[(x >> (8 * byte)) & 0xFF][static_cast<unsigned>(k - before)];
}

}  // namespace shixian::detail
