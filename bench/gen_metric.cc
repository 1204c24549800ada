// bench/gen_metric.cc: number forms of generated metrics.
#include "bench/gen_metric_internal.h"

#include <cmath>
#include <cstdio>

namespace govkg::gen {

std::string FormatDecimal(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string ChineseNumeral(int64_t n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kPlaces[] = {"", "十", "百", "千", "万"};
  std::string out;
  int digits[5] = {0, 0, 0, 0, 0};
  int top = 0;
  for (int i = 0; i < 5 && n > 0; ++i, n /= 10) {
    digits[i] = static_cast<int>(n % 10);
    top = i;
  }
  bool pending_zero = false;
  for (int i = top; i >= 0; --i) {
    if (digits[i] == 0) {
      pending_zero = !out.empty();
      continue;
    }
    if (pending_zero) out += kDigits[0];
    pending_zero = false;
    // 十五, not 一十五, when ten is the leading place.
    if (!(i == 1 && digits[i] == 1 && i == top)) out += kDigits[digits[i]];
    out += kPlaces[i];
  }
  return out;
}

WrittenMetric WriteMetric(const MetricSpec& spec, Rng& rng) {
  WrittenMetric m;
  m.name = spec.name;
  m.unit = spec.unit;
  std::string number;
  std::string before;  // 近, 约, 超过
  std::string after;   // 余 (before the unit)
  std::string tail;    // 以上 (after the unit)
  switch (spec.kind) {
    case MetricKind::kRate: {
      const int decimals = static_cast<int>(rng.Int(0, 2));
      const double scale = std::pow(10.0, decimals);
      m.value = std::round((spec.min + rng.Unit() * (spec.max - spec.min)) * scale) / scale;
      if (m.value > 100) m.value = 100;
      number = FormatDecimal(m.value, decimals);
      m.name = spec.name;
      if (rng.Chance(0.2) && m.value < 100) {
        tail = "以上";
        m.qualifier = "以上";
      }
      m.text = spec.name + (rng.Chance(0.6) ? "达到" : "为") + number + "%" + tail;
      return m;
    }
    case MetricKind::kMoney: {
      const double v = std::round((spec.min + rng.Unit() * (spec.max - spec.min)) * 100) / 100;
      if (v < 20 && rng.Chance(0.5)) {
        number = FormatDecimal(v, 2) + "亿";
        m.value = std::round(v * 100) * 1e6;
      } else {
        number = FormatDecimal(v, 2) + "万";
        m.value = std::round(v * 100) * 100;
      }
      break;
    }
    case MetricKind::kBig:
    case MetricKind::kCount: {
      int64_t n = rng.Int(static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
      const double form = rng.Unit();
      if (spec.kind == MetricKind::kBig && n >= 10000 && form < 0.5) {
        // 4.5万余: tenths of 万, often with 余.
        const int64_t tenths = n / 1000;
        m.value = static_cast<double>(tenths) * 1000;
        number = FormatDecimal(static_cast<double>(tenths) / 10.0, 1) + "万";
        if (rng.Chance(0.6)) {
          after = "余";
          m.qualifier = "余";
        }
      } else if (n < 100 && form < 0.15) {
        m.value = static_cast<double>(n);
        number = ChineseNumeral(n);
      } else if (n >= 100 && form < 0.35) {
        n = n / 10 * 10;
        m.value = static_cast<double>(n);
        number = std::to_string(n);
        after = "余";
        m.qualifier = "余";
      } else if (form < 0.5) {
        static const char* const kBefore[] = {"近", "约", "超过"};
        before = kBefore[rng.Int(0, 2)];
        m.qualifier = before;
        m.value = static_cast<double>(n);
        number = std::to_string(n);
      } else {
        m.value = static_cast<double>(n);
        number = std::to_string(n);
      }
      break;
    }
  }
  m.text = spec.name + before + number + after + spec.unit;
  return m;
}

WrittenMetric WriteChange(const MetricSpec& spec, const WrittenMetric& base, Rng& rng) {
  WrittenMetric c;
  const bool up = rng.Chance(0.5);
  if (spec.kind == MetricKind::kRate) {
    const double pts = static_cast<double>(rng.Int(1, 80)) / 10.0;
    c.name = spec.name + "较上年";
    c.unit = "个百分点";
    c.value = up ? pts : -pts;
    c.text = std::string("较上年") + (up ? "提高" : "下降") + FormatDecimal(pts, 1) + "个百分点";
    return c;
  }
  if (rng.Chance(0.6)) {
    const double pct = static_cast<double>(rng.Int(1, 6000)) / 100.0;
    c.name = spec.name + "同比";
    c.unit = "%";
    c.value = up ? pct : -pct;
    c.text = std::string("同比") + (up ? "上升" : "下降") + FormatDecimal(pct, 2) + "%";
    return c;
  }
  // 较上年减少626起: an absolute change in the base unit, a fraction of the base.
  int64_t delta = static_cast<int64_t>(base.value * (0.02 + 0.3 * rng.Unit()));
  if (delta < 1) delta = 1;
  if (spec.kind == MetricKind::kMoney) delta = delta / 10000 * 10000 + 10000;
  c.name = spec.name + "较上年";
  c.unit = spec.unit;
  c.value = up ? static_cast<double>(delta) : -static_cast<double>(delta);
  std::string number;
  if (spec.kind == MetricKind::kMoney) {
    number = std::to_string(delta / 10000) + "万" + spec.unit;
  } else {
    number = std::to_string(delta) + spec.unit;
  }
  c.text = std::string("较上年") + (up ? "增加" : "减少") + number;
  return c;
}

}  // namespace govkg::gen
