// bench-main.h — the `main` of nc-bench, the prepared CUDA benchmark (bench/cuda/README in bench/README.md). The
// kernels' .cu text, their launchers and the kernel table come first (runtime/cuda-common/source.ts with this file as
// the main); the same file builds with nvcc for a GPU and with g++ against cuda-cpu.h as a check without one.
//
//   nc-bench <prepared folder> [--json FILE] [--only ID-PREFIX,…] [--samples N] [--warmup N] [--sample-ms MS]
//            [--copy-mib MIB]
//
// It reads <folder>/manifest.txt (bench/cuda/requests.ts writes it), one directive per line:
//   check <id> <request> <expected> <tolerance> <read names, comma-separated>
//   time <id> neocell|model <request> <dense file or -> <batch> <fewest bytes> <label…>
//   target <id> <min speedup over dense> <min fraction of copy bandwidth>
// and prints a table: the device-to-device copy bandwidth, each conformance check (rel. L2 against the golden
// outputs), each timed NeoCell with its upstream dense baseline (cuBLAS) and each timed model; then the targets.
// Exit status 0, or 1 when a check failed or a dense baseline disagreed with the NeoCell kernel.
#pragma once

#include <fstream>

#include "bench-program.h"
#include "bench-report.h"

namespace nc_bench {

struct Options {
  std::string folder, json;
  std::vector<std::string> only;
  TimingOptions timing;
  size_t copyMib = ON_GPU ? 1024 : 16;
};

inline Options parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(a + " needs a value", 2);
      return argv[++i];
    };
    if (a == "--json") o.json = value();
    else if (a == "--only") {
      std::stringstream s(value());
      for (std::string p; std::getline(s, p, ',');) if (!p.empty()) o.only.push_back(p);
    } else if (a == "--samples") o.timing.samples = std::max(1, std::atoi(value().c_str()));
    else if (a == "--warmup") o.timing.warmup = std::max(0, std::atoi(value().c_str()));
    else if (a == "--sample-ms") o.timing.sampleMs = std::atof(value().c_str());
    else if (a == "--copy-mib") o.copyMib = (size_t)std::max(1, std::atoi(value().c_str()));
    else if (!a.empty() && a[0] == '-') die("unknown option " + a + "; allowed: --json --only --samples --warmup --sample-ms --copy-mib", 2);
    else o.folder = a;
  }
  if (o.folder.empty()) die("usage: nc-bench <prepared folder> [--json FILE] [--only ID-PREFIX,...] [--samples N] [--warmup N] [--sample-ms MS] [--copy-mib MIB]", 2);
  return o;
}

inline bool selected(const Options& o, const std::string& id) {
  if (o.only.empty()) return true;
  for (const std::string& p : o.only) if (id.compare(0, p.size(), p) == 0) return true;
  return false;
}

inline std::vector<float> readFloats(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) die("cannot open " + path, 2);
  std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (bytes.size() % 4) die(path + ": not a whole number of f32", 2);
  std::vector<float> out(bytes.size() / 4);
  std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

/** One state for the whole run: the results so far and whether anything failed. */
struct Run {
  Options o;
  Blas blas;
  double copyGBs = 0.0;
  Json checks = Json::array(), neocells = Json::array(), models = Json::array(), targets = Json::array();
  struct Timed {
    std::string id;
    double speedup, copyFraction;
  };
  std::vector<Timed> timed;
  int failures = 0;
};

/** check: runs the request once and compares every read with the expected data (rel. L2 <= tolerance). */
inline void runCheck(Run& run, std::istringstream& line) {
  std::string id, request, expected, names;
  double tolerance = 0.0;
  line >> id >> request >> expected >> tolerance >> names;
  if (!selected(run.o, id)) return;
  const Program program(run.o.folder + "/" + request);
  program.run();
  const std::vector<std::vector<float>> got = program.reads();
  const std::vector<float> want = readFloats(run.o.folder + "/" + expected);
  std::vector<std::string> readNames;
  std::stringstream s(names);
  for (std::string n; std::getline(s, n, ',');) readNames.push_back(n);
  Json reads = Json::array();
  size_t at = 0;
  double worst = 0.0;
  bool pass = readNames.size() == got.size();
  std::string text;
  for (size_t i = 0; i < got.size(); ++i) {
    const double e = at + got[i].size() <= want.size() ? relativeL2(got[i], want.data() + at, got[i].size()) : NAN;
    at += got[i].size();
    pass = pass && e <= tolerance;  // NaN (an unwritten, poisoned element) fails
    worst = std::isnan(e) || std::isnan(worst) ? NAN : std::max(worst, e);
    const std::string name = i < readNames.size() ? readNames[i] : "?";
    reads.push(Json::object().str("name", name).num("relL2", e).text());
    char part[96];
    std::snprintf(part, sizeof part, "%s%s %.2e", text.empty() ? "" : ", ", name.c_str(), e);
    text += part;
  }
  pass = pass && at == want.size();
  if (!pass) ++run.failures;
  std::printf("  %-44s %-8s tol %.0e  %s\n", id.c_str(), pass ? "pass" : "FAIL", tolerance, text.c_str());
  run.checks.push(Json::object().str("id", id).num("tolerance", tolerance).num("worstRelL2", worst).flag("pass", pass).add("reads", reads.text()).text());
}

/** time: the request's dispatch list timed; for a NeoCell also GB/s, the copy fraction and the dense baseline. */
inline void runTime(Run& run, std::istringstream& line) {
  std::string id, kind, request, dense;
  double batch = 0.0, bytes = 0.0;
  line >> id >> kind >> request >> dense >> batch >> bytes;
  std::string label;
  std::getline(line, label);
  label.erase(0, label.find_first_not_of(' '));
  if (!selected(run.o, id)) return;
  const Program program(run.o.folder + "/" + request);
  const Timing t = timeLaunches([&] { program.run(); }, run.o.timing);
  size_t nan = 0;
  for (const std::vector<float>& r : program.reads()) nan += (size_t)std::count_if(r.begin(), r.end(), [](float v) { return !std::isfinite(v); });
  Json row = Json::object().str("id", id).str("label", label).num("batch", batch).num("medianMs", t.medianMs).num("minMs", t.minMs)
                 .num("launchesPerSample", t.perSample).add("samplesMs", Json::numbers(t.samplesMs)).num("nonFiniteOutputs", (double)nan);
  if (kind == "model") {
    std::printf("  %-10s batch %3.0f  %10.3f ms  %10.1f images/s  %s%s\n", id.c_str(), batch, t.medianMs, batch / (t.medianMs * 1e-3),
                label.c_str(), nan ? "  (non-finite logits: random weights)" : "");
    run.models.push(row.num("imagesPerSecond", batch / (t.medianMs * 1e-3)).text());
    return;
  }
  if (nan) ++run.failures;  // finite inputs: a NaN in a NeoCell's y means an unwritten element
  const double gbs = bytes / (t.medianMs * 1e-3) / 1e9;
  const double fraction = run.copyGBs > 0 ? gbs / run.copyGBs : NAN;
  row.num("fewestBytes", bytes).num("gbs", gbs).num("copyFraction", fraction);
  std::string denseText = "dense skipped";
  double speedup = NAN;
  if (dense != "-" && run.blas.sgemm) {
    const DenseBaseline baseline(run.o.folder + "/" + dense, program);
    const Timing d = timeLaunches([&] { baseline.run(run.blas); }, run.o.timing);
    const double agreement = baseline.agreement();
    const bool agrees = agreement <= 1e-4;
    if (!agrees) ++run.failures;
    speedup = d.medianMs / t.medianMs;
    row.add("dense", Json::object().num("medianMs", d.medianMs).num("minMs", d.minMs).num("launchesPerSample", d.perSample)
                         .add("samplesMs", Json::numbers(d.samplesMs)).num("macs", baseline.macs()).num("relL2VsNeoCell", agreement).text())
        .num("speedup", speedup);
    char text[128];
    std::snprintf(text, sizeof text, "dense %9.2f us  %6.2fx  (agree %.1e%s)", d.medianMs * 1e3, speedup, agreement, agrees ? "" : " MISMATCH");
    denseText = text;
  } else {
    row.str("denseSkipped", dense == "-" ? "no dense request" : run.blas.why);
  }
  std::printf("  %-10s batch %3.0f  %9.2f us  %7.1f GB/s  %5.1f%% copy  %s%s\n", id.c_str(), batch, t.medianMs * 1e3, gbs, 100 * fraction,
              denseText.c_str(), nan ? "  NON-FINITE OUTPUT" : "");
  run.timed.push_back({id, speedup, fraction});
  run.neocells.push(row.text());
}

/** target: the targets at one shape id (every batch timed under it). */
inline void runTarget(Run& run, std::istringstream& line) {
  std::string id;
  double minSpeedup = 0.0, minFraction = 0.0;
  line >> id >> minSpeedup >> minFraction;
  for (const Run::Timed& t : run.timed) {
    if (t.id.compare(0, id.size(), id) != 0) continue;
    const auto verdict = [](double v, double min) { return std::isnan(v) ? "not measured" : v >= min ? "MET" : "NOT MET"; };
    std::printf("  %-16s %6.2fx dense (target >= %.0fx): %-12s %5.1f%% of copy bandwidth (target >= %.0f%%): %s\n", t.id.c_str(), t.speedup,
                minSpeedup, verdict(t.speedup, minSpeedup), 100 * t.copyFraction, 100 * minFraction, verdict(t.copyFraction, minFraction));
    run.targets.push(Json::object().str("id", t.id).num("speedup", t.speedup).num("minSpeedup", minSpeedup).num("copyFraction", t.copyFraction)
                         .num("minCopyFraction", minFraction).text());
  }
}

/**
 * The results so far as JSON (--json): written after every directive, so a run that dies on a CUDA error or is
 * killed at the device tool's time limit still leaves what it measured.
 */
inline void writeJson(const Run& run, const std::string& device, const std::vector<double>& copyMs) {
  if (run.o.json.empty()) return;
  Json out = Json::object();
  out.str("device", device).flag("gpu", ON_GPU).str("denseBaseline", run.blas.sgemm ? run.blas.what : "skipped: " + run.blas.why)
      .add("timing", Json::object().num("samples", run.o.timing.samples).num("warmup", run.o.timing.warmup).num("sampleMs", run.o.timing.sampleMs)
                         .str("statistic", "median per launch").text())
      .add("copy", Json::object().num("mib", (double)run.o.copyMib).num("gbs", run.copyGBs).add("samplesMs", Json::numbers(copyMs)).text())
      .add("checks", run.checks.text()).add("neocell", run.neocells.text()).add("models", run.models.text()).add("targets", run.targets.text())
      .num("failures", run.failures);
  const std::string temp = run.o.json + ".tmp";
  {
    std::ofstream f(temp);
    f << out.text() << "\n";
    if (!f) die("cannot write " + temp, 2);
  }
  if (std::rename(temp.c_str(), run.o.json.c_str()) != 0) die("cannot write " + run.o.json, 2);
}

}  // namespace nc_bench

int main(int argc, char** argv) {
  using namespace nc_bench;
  Run run;
  run.o = parseOptions(argc, argv);
  std::ifstream manifest(run.o.folder + "/manifest.txt");
  if (!manifest) die("cannot open " + run.o.folder + "/manifest.txt (run `npm run bench:cuda:prepare` first)", 2);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  // cuBLAS first: whether it was found is worth printing even when the device then fails.
  run.blas = loadCublas();
  std::printf("nc-bench: %s\n", run.blas.sgemm ? ("dense baseline: " + run.blas.what).c_str() : ("dense baseline skipped: " + run.blas.why).c_str());
  const std::string device = deviceDescription();
  std::printf("  device: %s\n", device.c_str());
  std::vector<double> copyMs;
  run.copyGBs = copyBandwidth(run.o.copyMib, run.o.timing.samples, &copyMs);
  std::printf("  device-to-device copy (%zu MiB, read + write): %.1f GB/s\n", run.o.copyMib, run.copyGBs);
  std::string section;
  for (std::string text; std::getline(manifest, text);) {
    std::istringstream line(text);
    std::string directive;
    line >> directive;
    if (directive.empty() || directive[0] == '#') continue;
    if (directive != section) {
      section = directive;
      if (directive == "check") std::printf("\nconformance (rel. L2 against the golden outputs of upstream PyTorch)\n");
      if (directive == "time") std::printf("\ntimed (median of %d samples; NeoCell: GB/s = fewest bytes / time; dense = upstream's matrices, 2 SGEMMs)\n", run.o.timing.samples);
      if (directive == "target") std::printf("\ntargets\n");
    }
    if (directive == "check") runCheck(run, line);
    else if (directive == "time") runTime(run, line);
    else if (directive == "target") runTarget(run, line);
    else die("manifest: unknown directive " + directive, 2);
    writeJson(run, device, copyMs);
  }
  unloadBlas(run.blas);
  writeJson(run, device, copyMs);
  std::printf("\n%s\n", run.failures ? "nc-bench: FAILED (see FAIL / MISMATCH / NON-FINITE above)" : "nc-bench: all checks passed");
  return run.failures ? 1 : 0;
}
