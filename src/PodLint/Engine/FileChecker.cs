using PodLint.Diagnostics;
using PodLint.Objects;
using PodLint.Parsing;

namespace PodLint.Engine;

/// <summary>
/// Checks one input (a file, a stream, a string): reads it into documents one at a time, checks the documents in
/// parallel (the reading thread feeds the workers; memory stays bounded by the documents in flight), and puts the
/// results back in document order. Orchestration only: parsing is <see cref="YamlTreeBuilder"/>'s, everything about
/// objects is <see cref="ObjectChecker"/>'s.
/// </summary>
internal sealed class FileChecker(RuleSet rules, PodLintOptions options)
{
    private readonly ObjectChecker _objects = new(rules, options);

    /// <summary>One unit of work: a document chunk to check, or a finding made while reading.</summary>
    private sealed class WorkItem
    {
        /// <summary>The chunk; its text is dropped once checked unless a finding points into it (reporters show it).</summary>
        public DocumentChunk Chunk { get; set; }

        public bool IsDocument { get; set; }

        public DocumentResult Result { get; } = new();

        public int Documents { get; set; }
    }

    /// <param name="file">The name findings carry.</param>
    /// <param name="source">The input's lines.</param>
    /// <param name="text">The input's whole text when it is held in memory already (kept for reporters), else null.</param>
    /// <param name="cancellationToken">Stops the work between documents.</param>
    public FileOutcome Check(string file, ILineSource source, string? text, CancellationToken cancellationToken)
    {
        // Read's items, in document order: the parallel loop takes them one at a time, under its lock.
        var items = new List<WorkItem>();
        using var work = Read(file, source, items).GetEnumerator();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        try
        {
            // The first document is read (the chunker reads one ahead): a file of one document, the usual case, is
            // checked on this thread without starting the parallel loop.
            var first = work.MoveNext() ? work.Current : null;
            if (parallel.MaxDegreeOfParallelism == 1 || first is null || first.Chunk.IsLast)
            {
                if (first is not null) Run(first, file, cancellationToken);
                while (work.MoveNext()) Run(work.Current, file, cancellationToken);
            }
            else
            {
                Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(Prepend(first, work), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), parallel,
                    item => Run(item, file, cancellationToken));
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        ApplyFileWideSuppressions(items);
        var diagnostics = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var checkedKinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var skippedKinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        var notKubernetes = 0;
        SourceText? kept = text is null ? null : SourceText.FromText(text);
        foreach (var item in items)
        {
            var result = item.Result;
            diagnostics.AddRange(result.Diagnostics);
            suppressed.AddRange(result.Suppressed);
            documents += item.Documents;
            if (result.IsNotKubernetes) notKubernetes++;
            KindCounts.Add(checkedKinds, result.Checked);
            KindCounts.Add(skippedKinds, result.Skipped);
            if (text is null && item.Chunk.Text is { } chunkText && result.Diagnostics.Count > 0)
            {
                (kept ??= new SourceText(false)).Add(item.Chunk.FirstLine, chunkText, ShownLines(result.Diagnostics));
            }
        }

        return new FileOutcome(file, diagnostics, documents, notKubernetes, checkedKinds, skippedKinds, kept) { Suppressed = suppressed };
    }

    /// <summary>The lines a code frame shows for these findings: where each one and its related locations start.</summary>
    private static HashSet<int> ShownLines(List<Diagnostic> diagnostics)
    {
        var lines = new HashSet<int>();
        foreach (var d in diagnostics)
        {
            lines.Add(d.Span.StartLine);
            foreach (var r in d.Related) lines.Add(r.Span.StartLine);
        }

        return lines;
    }

    /// <summary>
    /// Applies the file-wide suppression comments once the whole file is read (one may be written in any document),
    /// with the sink's matching, then reports those that silenced nothing, on the document that holds them.
    /// </summary>
    private void ApplyFileWideSuppressions(List<WorkItem> items)
    {
        var fileWide = items.SelectMany(i => i.Result.FileWide).ToList();
        if (fileWide.Count == 0) return;
        var scope = new SuppressionScope(fileWide, []);
        foreach (var item in items)
        {
            var kept = new List<Diagnostic>(item.Result.Diagnostics.Count);
            foreach (var d in item.Result.Diagnostics)
            {
                if (scope.Find(d) is { } suppression) item.Result.Suppressed.Add(d with { SuppressedBy = suppression });
                else kept.Add(d);
            }

            item.Result.Diagnostics.Clear();
            item.Result.Diagnostics.AddRange(kept);
        }

        foreach (var item in items)
        {
            if (item.Result.FileWide.Count > 0)
            {
                SuppressionParser.ReportUnused(item.Result.FileWide, new DiagnosticSink(rules.LevelOf, item.Result.Diagnostics), rules.Suggest);
            }
        }
    }

    private static IEnumerable<WorkItem> Prepend(WorkItem first, IEnumerator<WorkItem> rest)
    {
        yield return first;
        while (rest.MoveNext()) yield return rest.Current;
    }

    private void Run(WorkItem item, string file, CancellationToken cancellationToken)
    {
        if (item.IsDocument)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var comments = SuppressionParser.ScanComments(item.Chunk, file, rules.Find, item.Result.FileWide);
            if (comments.Count > 0) item.Result.Comments = new SuppressionScope(comments, item.Result.Suppressed);
            var documents = YamlTreeBuilder.Parse(item.Chunk, file, options.Limits);
            if (HelmTemplates.Find(item.Chunk, documents, file) is { } action)
            {
                // One finding that says what the text is, instead of YAML errors or findings about `{{ … }}` values.
                item.Documents += Math.Max(1, documents.Count);
                var shown = item.Chunk.Text.Split('\n')[action.StartLine - item.Chunk.FirstLine][(action.StartColumn - 1)..(action.EndColumn - 1)];
                Sink(item).Report(InputRules.HelmTemplate, action, null, [("action", shown.Length > 60 ? shown[..57] + "…}}" : shown)]);
                documents = [];
            }

            foreach (var document in documents)
            {
                item.Documents++;
                _objects.Check(document, item.Result, cancellationToken);
            }

            if (comments.Count > 0) SuppressionParser.ReportUnused(comments, new DiagnosticSink(rules.LevelOf, item.Result.Diagnostics), rules.Suggest);
        }

        if (item.Result.Diagnostics.Count == 0) item.Chunk = default;
    }

    /// <summary>
    /// Reads the input into work items, in order; findings about the input itself (empty documents, invalid encoding,
    /// binary files, read errors) are made here, on the reading thread, as items of their own.
    /// </summary>
    private IEnumerable<WorkItem> Read(string file, ILineSource source, List<WorkItem> items)
    {
        var chunker = new DocumentChunker(source);
        var anyContent = false;
        var chunkCount = 0;
        while (true)
        {
            var item = new WorkItem();
            var (more, chunk) = TryRead(chunker, file, item.Result);
            if (!more)
            {
                if (item.Result.Diagnostics.Count == 0 && chunkCount == 0) Sink(item).Report(InputRules.EmptyFile, SourceSpan.StartOfFile(file), null);
                if (item.Result.Diagnostics.Count > 0)
                {
                    items.Add(item);
                    yield return item;
                }

                yield break;
            }

            chunkCount++;
            item.Chunk = chunk;
            if (chunk.HasContent)
            {
                anyContent = true;
                item.IsDocument = true;
            }
            else if (chunk.MarkerLine != 0 && !(chunk.IsLast && anyContent))
            {
                item.Documents = 1;
                Sink(item).Report(InputRules.EmptyDocumentMessage, new SourceSpan(file, chunk.MarkerLine, 1, chunk.MarkerLine, 4), null);
            }
            else if (chunk.IsLast && chunkCount == 1)
            {
                Sink(item).Report(InputRules.NoDocuments, SourceSpan.StartOfFile(file), null);
            }

            items.Add(item);
            yield return item;
        }
    }

    private DiagnosticSink Sink(WorkItem item) => new(rules.LevelOf, item.Result.Diagnostics);

    /// <summary>Reads the next chunk; an input that cannot be read further becomes a finding in <paramref name="result"/>.</summary>
    private (bool More, DocumentChunk Chunk) TryRead(DocumentChunker chunker, string file, DocumentResult result)
    {
        var sink = new DiagnosticSink(rules.LevelOf, result.Diagnostics);
        try
        {
            return chunker.TryRead(out var chunk) ? (true, chunk) : (false, default);
        }
        catch (InvalidEncodingException ex)
        {
            sink.Report(InputRules.BadEncoding, SourceSpan.At(file, ex.Line, ex.Column), null, [("reason", ex.Message)]);
        }
        catch (BinaryInputException)
        {
            sink.Report(InputRules.Binary, SourceSpan.StartOfFile(file), null);
        }
        catch (InputTooLargeException ex)
        {
            sink.Report(InputRules.TooLarge, SourceSpan.StartOfFile(file), null, [("limit", Sizes.Describe(ex.Limit))]);
        }
        catch (IOException ex)
        {
            sink.Report(InputRules.CannotReadFile, SourceSpan.StartOfFile(file), null, [("problem", ex.Message)]);
        }

        return (false, default);
    }
}
