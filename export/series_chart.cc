// RenderSeriesSvg: a metric series as a plain SVG chart, written by hand (no
// script, no external resource), CJK text in the system's sans-serif fonts.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "export/exporter.h"

namespace govkg {
namespace {

constexpr double kWidth = 760, kHeight = 420;
constexpr double kLeft = 90, kRight = 30, kTop = 50, kBottom = 110;

std::string Num(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  return buf;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// A round step for about five grid lines up to `top`.
double Step(double top) {
  if (top <= 0) return 1;
  const double raw = top / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * mag) return m * mag;
  }
  return 10 * mag;
}

}  // namespace

std::string RenderSeriesSvg(const Series& series) {
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  double lo = 0, hi = 0;
  for (const SeriesPoint& p : series.points) {
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  const double step = Step(std::max(hi - lo, 1e-9));
  hi = std::ceil(hi / step) * step;
  lo = std::floor(lo / step) * step;
  if (hi == lo) hi = lo + step;
  const auto y_of = [&](double v) { return kTop + plot_h * (hi - v) / (hi - lo); };
  const size_t n = series.points.size();
  const double slot = n == 0 ? plot_w : plot_w / static_cast<double>(n);
  const auto x_of = [&](size_t i) { return kLeft + slot * (static_cast<double>(i) + 0.5); };

  std::string svg;
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(kWidth) + "\" height=\"" +
         Num(kHeight) + "\" viewBox=\"0 0 " + Num(kWidth) + " " + Num(kHeight) +
         "\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft "
         "YaHei',sans-serif\" font-size=\"12\">\n";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  const std::string by = series.by == SeriesBy::kPeriod ? "按时期" : "按地区";
  svg += "<text class=\"title\" x=\"" + Num(kLeft) + "\" y=\"28\" font-size=\"16\">" +
         Escape(series.concept_name) + " (" + Escape(series.unit) + ") " + by + "</text>\n";
  for (double v = lo; v <= hi + step / 2; v += step) {
    const double y = y_of(v);
    svg += "<line x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kWidth - kRight) + "\" y1=\"" + Num(y) +
           "\" y2=\"" + Num(y) + "\" stroke=\"#ddd\"/>\n";
    svg += "<text x=\"" + Num(kLeft - 6) + "\" y=\"" + Num(y + 4) + "\" text-anchor=\"end\">" +
           Num(v) + "</text>\n";
  }
  svg += "<line x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kLeft) + "\" y1=\"" + Num(kTop) +
         "\" y2=\"" + Num(kTop + plot_h) + "\" stroke=\"#444\"/>\n";
  if (series.by == SeriesBy::kPeriod && n > 1) {
    std::string path;
    for (size_t i = 0; i < n; ++i) {
      path += (i == 0 ? "M" : " L") + Num(x_of(i)) + " " + Num(y_of(series.points[i].value));
    }
    svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\"/>\n";
  }
  for (size_t i = 0; i < n; ++i) {
    const SeriesPoint& p = series.points[i];
    const double x = x_of(i), y = y_of(p.value);
    if (series.by == SeriesBy::kRegion) {
      const double bw = std::min(60.0, slot * 0.7), base = y_of(std::max(lo, 0.0));
      svg += "<rect class=\"point\" x=\"" + Num(x - bw / 2) + "\" y=\"" + Num(std::min(y, base)) +
             "\" width=\"" + Num(bw) + "\" height=\"" + Num(std::fabs(base - y)) +
             "\" fill=\"#1f6feb\"/>\n";
    } else {
      svg += "<circle class=\"point\" cx=\"" + Num(x) + "\" cy=\"" + Num(y) +
             "\" r=\"4\" fill=\"#1f6feb\"/>\n";
    }
    svg += "<text x=\"" + Num(x) + "\" y=\"" + Num(y - 8) + "\" text-anchor=\"middle\">" +
           Num(p.value) + "</text>\n";
    svg += "<text x=\"" + Num(x) + "\" y=\"" + Num(kTop + plot_h + 16) +
           "\" text-anchor=\"end\" transform=\"rotate(-35 " + Num(x) + " " +
           Num(kTop + plot_h + 16) + ")\">" + Escape(p.label) + "</text>\n";
  }
  if (n == 0) {
    svg += "<text x=\"" + Num(kWidth / 2) + "\" y=\"" + Num(kHeight / 2) +
           "\" text-anchor=\"middle\">无数据 (no points)</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace govkg
