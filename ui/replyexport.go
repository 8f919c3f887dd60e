package ui

import (
	"context"
	"io"

	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// saveReply saves the reply as an xlsx workbook or a PDF (ext), with the
// register read as it is when the file is written.
func saveReply(e *env, r replyState, ext string) {
	suggested := fileName(r.tpl.ID+" reply "+r.From+" "+r.To, ext)
	saveDocumentIn(e, suggested, func(w io.Writer, tr *locale.Translator) error {
		return writeReply(e, r, ext, w, tr)
	})
}

func writeReply(e *env, r replyState, ext string, w io.Writer, tr *locale.Translator) error {
	c, err := export.LoadReply(context.Background(), e.store, r.tpl, r.ID)
	if err != nil {
		return err
	}
	c.Language = tr
	if ext == ".pdf" {
		return export.ReplyPDF(w, c)
	}
	return export.ReplyXLSX(w, c)
}
