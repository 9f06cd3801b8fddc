"""all-MiniLM-L6-v2 sentence vectors on torch alone, without sentence-transformers.

Importing sentence-transformers pulls in transformers, scikit-learn and SciPy: about
3-4 s of CPU before the first vector, which a weekly brief paid to embed the dozen new
texts it needs.  This module runs the same network (a 6-layer BERT: embeddings, self
attention through torch's scaled_dot_product_attention, GELU feed-forward; mean pooling
over the attention mask; unit length) with the same tokenizer (the model's
tokenizer.json, truncated at 256 tokens, padded to the longest of a batch) and the same
batching as SentenceTransformer.encode (texts sorted by length, longest first, 64 a
batch), so it gives the same float32 vectors, bit for bit (tests/test_embeddings.py
compares the two).  The embedder calls encode_unpadded, which batches texts of one token
length together: no compute on pad tokens (benchmarks/embed_batching.py), the same
vectors to float rounding.  Only torch, tokenizers and safetensors are imported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# sentence_bert_config.json of the model: inputs are cut at this many tokens.
MAX_TOKENS = 256
BATCH = 64


class MiniLM:
    """The packaged model's BERT encoder with mean pooling, loaded from `model_dir`."""

    def __init__(self, model_dir: Path) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        cfg = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        st_cfg = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self.max_tokens = int(st_cfg.get("max_seq_length") or MAX_TOKENS)
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.eps = float(cfg["layer_norm_eps"])
        if cfg.get("hidden_act") != "gelu" or cfg.get("model_type") != "bert":
            raise ValueError(f"not a BERT model with GELU: {model_dir}")
        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tok.enable_truncation(self.max_tokens, strategy="longest_first")
        self.tok.enable_padding(pad_id=int(cfg["pad_token_id"]), pad_token="[PAD]")
        w = load_file(str(model_dir / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v for k, v in w.items()}
        self.torch = torch

    def _ln(self, x: Any, name: str) -> Any:
        f = self.torch.nn.functional
        return f.layer_norm(
            x, (x.shape[-1],), self.w[f"{name}.weight"], self.w[f"{name}.bias"], self.eps
        )

    def _lin(self, x: Any, name: str) -> Any:
        return self.torch.nn.functional.linear(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"])

    def _forward(self, ids: Any, mask: Any) -> Any:
        """Token vectors of one padded batch (transformers' BertModel, sdpa attention)."""
        torch, f, w = self.torch, self.torch.nn.functional, self.w
        b, n = ids.shape
        x = f.embedding(ids, w["embeddings.word_embeddings.weight"])
        x = x + f.embedding(torch.zeros_like(ids), w["embeddings.token_type_embeddings.weight"])
        x = x + f.embedding(
            torch.arange(n).expand(1, -1), w["embeddings.position_embeddings.weight"]
        )
        x = self._ln(x, "embeddings.LayerNorm")
        # as transformers' sdpa mask: none when nothing is padded, else a boolean one
        attn = None if bool(mask.all()) else mask.bool()[:, None, None, :].expand(b, 1, n, n)
        size = x.shape[-1] // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            q, k, v = (
                self._lin(x, f"{p}.attention.self.{name}").view(b, n, -1, size).transpose(1, 2)
                for name in ("query", "key", "value")
            )
            a = f.scaled_dot_product_attention(
                q, k, v, attn_mask=attn, dropout_p=0.0, scale=size**-0.5, is_causal=False
            )
            a = a.transpose(1, 2).contiguous().reshape(b, n, -1).contiguous()
            x = self._ln(
                self._lin(a, f"{p}.attention.output.dense") + x, f"{p}.attention.output.LayerNorm"
            )
            h = f.gelu(self._lin(x, f"{p}.intermediate.dense"))
            x = self._ln(self._lin(h, f"{p}.output.dense") + x, f"{p}.output.LayerNorm")
        return x

    def encode(self, texts: list[str], batch_size: int = BATCH) -> np.ndarray:
        """Unit float32 vectors, one row per text (SentenceTransformer.encode with
        normalize_embeddings=True, as KeyBERT's backend calls it)."""
        import numpy as np

        torch, f = self.torch, self.torch.nn.functional
        order = np.argsort([-len(t) for t in texts])
        ordered = [texts[i] for i in order]
        out: list[Any] = []
        with torch.inference_mode():
            for s in range(0, len(ordered), batch_size):
                enc = self.tok.encode_batch(ordered[s : s + batch_size])
                ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
                mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
                h = self._forward(ids, mask)
                m = mask.unsqueeze(-1).to(h.dtype)
                total = (h * m).sum(dim=1, dtype=h.dtype)
                count = torch.clamp(m.sum(dim=1, dtype=h.dtype), min=1e-9)
                e = (total / count).to(h.dtype)
                e = f.normalize(e, p=2, dim=-1)  # the model's Normalize module
                out.extend(f.normalize(e, p=2, dim=1))  # encode(normalize_embeddings=True)
        if not out:
            return np.zeros((0, 0), dtype=np.float32)
        rows = [out[i] for i in np.argsort(order)]
        return torch.stack(rows).numpy()

    def encode_unpadded(self, texts: list[str], batch_size: int = BATCH) -> np.ndarray:
        """As encode, but each batch holds texts of one token length: no padding, so no
        compute on pad tokens (a quarter less CPU on a build's texts) and fewer neighbours
        that can change a vector's last bits (benchmarks/embed_batching.py)."""
        import numpy as np

        by: dict[int, list[int]] = {}
        for i, e in enumerate(self.tok.encode_batch(texts)):
            by.setdefault(sum(e.attention_mask), []).append(i)
        out = np.zeros(
            (len(texts), int(self.w["embeddings.word_embeddings.weight"].shape[1])), np.float32
        )
        for _, rows in sorted(by.items()):
            out[rows] = self.encode([texts[i] for i in rows], batch_size)
        return out

    def encode_packed(self, texts: list[str]) -> np.ndarray:
        """As encode_unpadded, for one small set of texts run as a batch of its own (an
        article's, embedded on a worker): the texts' tokens are laid end to end, sorted
        by length, so every linear layer is one matrix product over all of them, and
        attention runs per group of one length.  Unit float32 vectors, one row per text;
        the same texts give the same bits, the same vectors as encode to float rounding."""
        import numpy as np

        torch, f = self.torch, self.torch.nn.functional
        width = int(self.w["embeddings.word_embeddings.weight"].shape[1])
        if not texts:
            return np.zeros((0, width), dtype=np.float32)
        enc = self.tok.encode_batch(texts)
        lens = [sum(e.attention_mask) for e in enc]
        order = sorted(range(len(texts)), key=lambda i: (lens[i], texts[i]))
        ids = torch.tensor([t for i in order for t in enc[i].ids[: lens[i]]], dtype=torch.long)
        pos = torch.tensor([p for i in order for p in range(lens[i])], dtype=torch.long)
        groups: list[tuple[int, int, int]] = []  # (first row, texts, length)
        row = 0
        for i in order:
            if groups and groups[-1][2] == lens[i]:
                s0, b, n = groups[-1]
                groups[-1] = (s0, b + 1, n)
            else:
                groups.append((row, 1, lens[i]))
            row += lens[i]
        with torch.inference_mode():
            h = self._forward_packed(ids, pos, groups)
            pooled = torch.cat(
                [h[s0 : s0 + b * n].view(b, n, -1).sum(dim=1) / n for s0, b, n in groups]
            )
            e = f.normalize(f.normalize(pooled, p=2, dim=-1), p=2, dim=1)
        out = np.zeros((len(texts), width), dtype=np.float32)
        out[order] = e.numpy()
        return out

    def _forward_packed(self, ids: Any, pos: Any, groups: list[tuple[int, int, int]]) -> Any:
        """Token vectors of texts laid end to end (`groups`: each run of texts of one
        length); attention within each text only."""
        torch, f, w = self.torch, self.torch.nn.functional, self.w
        x = f.embedding(ids, w["embeddings.word_embeddings.weight"])
        x = x + f.embedding(torch.zeros_like(ids), w["embeddings.token_type_embeddings.weight"])
        x = x + f.embedding(pos, w["embeddings.position_embeddings.weight"])
        x = self._ln(x, "embeddings.LayerNorm")
        size = x.shape[-1] // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            q, k, v = (self._lin(x, f"{p}.attention.self.{n}") for n in ("query", "key", "value"))
            parts = []
            for s0, b, n in groups:
                qkv = (t[s0 : s0 + b * n].view(b, n, -1, size).transpose(1, 2) for t in (q, k, v))
                a = f.scaled_dot_product_attention(*qkv, dropout_p=0.0, scale=size**-0.5)
                parts.append(a.transpose(1, 2).reshape(b * n, -1))
            a = torch.cat(parts)
            x = self._ln(
                self._lin(a, f"{p}.attention.output.dense") + x, f"{p}.attention.output.LayerNorm"
            )
            hid = f.gelu(self._lin(x, f"{p}.intermediate.dense"))
            x = self._ln(self._lin(hid, f"{p}.output.dense") + x, f"{p}.output.LayerNorm")
        return x
