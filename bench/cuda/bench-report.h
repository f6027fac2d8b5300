// bench-report.h — nc-bench's timing loop and its outputs: a median over samples, each sample enough back-to-back
// launches to last about --sample-ms (one launch of a small NeoCell takes microseconds: an event pair around each
// single launch would mostly measure the launch and the events), and a tiny JSON writer for the results file.
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "bench-device.h"

namespace nc_bench {

struct TimingOptions {
  int samples = 21;
  int warmup = 3;
  double sampleMs = 2.0;
  int maxPerSample = 2000;
};

struct Timing {
  double medianMs = 0.0, minMs = 0.0;
  int perSample = 1;
  std::vector<double> samplesMs;  // per launch
};

/** Times `launch` (asynchronous work on the device): calibrates launches per sample, warms up, then samples. */
template <class F>
Timing timeLaunches(const F& launch, const TimingOptions& o) {
  Timer timer;
  launch();
  synchronize("the first launch");
  timer.start();
  launch();
  const double one = std::max(timer.stopMs(), 1e-4);
  Timing t;
  t.perSample = std::max(1, std::min(o.maxPerSample, (int)std::ceil(o.sampleMs / one)));
  for (int s = -o.warmup; s < o.samples; ++s) {
    timer.start();
    for (int r = 0; r < t.perSample; ++r) launch();
    const double ms = timer.stopMs() / t.perSample;
    if (s >= 0) t.samplesMs.push_back(ms);
  }
  std::vector<double> sorted = t.samplesMs;
  std::sort(sorted.begin(), sorted.end());
  t.medianMs = sorted[sorted.size() / 2];
  t.minMs = sorted.front();
  return t;
}

/** A JSON value built by hand (the runner has no dependencies): objects keep insertion order. */
class Json {
 public:
  static Json object() { return Json("{", "}"); }
  static Json array() { return Json("[", "]"); }
  Json& add(const std::string& key, const std::string& raw) {
    parts_.push_back(quote(key) + ": " + raw);
    return *this;
  }
  Json& str(const std::string& key, const std::string& v) { return add(key, quote(v)); }
  Json& num(const std::string& key, double v) { return add(key, number(v)); }
  Json& flag(const std::string& key, bool v) { return add(key, v ? "true" : "false"); }
  Json& push(const std::string& raw) {
    parts_.push_back(raw);
    return *this;
  }
  std::string text() const {
    std::string out = open_;
    for (size_t i = 0; i < parts_.size(); ++i) out += (i ? ", " : "") + parts_[i];
    return out + close_;
  }
  static std::string number(double v) {
    if (!std::isfinite(v)) return "null";
    std::ostringstream s;
    s.precision(7);
    s << v;
    return s.str();
  }
  static std::string numbers(const std::vector<double>& vs) {
    Json a = array();
    for (double v : vs) a.push(number(v));
    return a.text();
  }
  static std::string quote(const std::string& v) {
    std::string out = "\"";
    for (const char ch : v) {
      if (ch == '"' || ch == '\\') out += '\\';
      if ((unsigned char)ch < 0x20) {
        out += ' ';
        continue;
      }
      out += ch;
    }
    return out + "\"";
  }

 private:
  Json(const char* open, const char* close) : open_(open), close_(close) {}
  std::string open_, close_;
  std::vector<std::string> parts_;
};

}  // namespace nc_bench
